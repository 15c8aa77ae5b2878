"""cv.yml: department, role-less jobs, ongoing entries with no start, nested skill groups and
`supervisors: A and B` -- unit tests and full builds asserting the HTML."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from sitebuilder import Built, build, write_site

from mkdocs_academic.data.cv import CV, load_cv, split_names
from mkdocs_academic.data.dates import DateRange
from mkdocs_academic.data.problems import Problem


def _load(tmp_path: Path, text: str) -> tuple[CV, list[Problem]]:
    path = tmp_path / "cv.yml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_cv(path, "data/cv.yml")


def _build(tmp_path: Path, cv: str, page: str = "# CV\n\n/// experience\n///\n") -> Built:
    root = write_site(tmp_path / "site", pages={"index.md": page}, data={"cv.yml": textwrap.dedent(cv).lstrip("\n")})
    return build(root)


def _body(built: Built) -> str:
    """The HTML of the experience block(s) only."""
    html = built.html()
    return html.split('<h1 id="cv">', 1)[1].split("<footer", 1)[0]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ana Ruiz and Tomás Vidal", ["Ana Ruiz", "Tomás Vidal"]),
        ("A and B and C", ["A", "B", "C"]),
        ("Ana Ruiz", ["Ana Ruiz"]),
        ("[Lab of A and B](https://example.org) and C", ["[Lab of A and B](https://example.org)", "C"]),
        ("Alexandra Sand", ["Alexandra Sand"]),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_fields_read(tmp_path: Path) -> None:
    cv, problems = _load(
        tmp_path,
        """
        positions:
          - organization: Acme Corp
            department: Research Lab
            end: present
            supervisors: Ana Ruiz and Tomás Vidal
          - title: Postdoc
            organization: MIT
            department: Department of EECS
            start: unknown
            end: 2020
          - title: Visitor
            date: present
            mentors: [A and B]
        """,
    )
    assert problems == []
    acme, postdoc, visitor = cv.sections["positions"]
    assert (acme.title_md, acme.organization_md, acme.department_md) == ("Acme Corp", "", "Research Lab")
    assert acme.when == DateRange(ongoing=True)
    assert [(role, [p.full for p in people]) for role, people in acme.people] == [
        ("supervisors", ["Ana Ruiz", "Tomás Vidal"])
    ]
    assert (postdoc.organization_md, postdoc.department_md) == ("MIT", "Department of EECS")
    assert postdoc.when is not None and postdoc.when.start is None and postdoc.when.end is not None
    assert visitor.when == DateRange(ongoing=True)
    # a YAML list is taken as written: one item, one name
    assert [p.full for p in visitor.people[0][1]] == ["A and B"]


def test_nested_groups_read(tmp_path: Path) -> None:
    cv, problems = _load(
        tmp_path,
        """
        skills:
          - title: Research skills
            groups:
              - title: Toolkits
                items: [PyTorch, NumPy]
              - title: HPC Cluster
                items: Slurm, MPI
          - title: Languages
            items:
              - English
              - {title: Programming, items: [Python]}
        """,
    )
    assert problems == []
    research, languages = cv.sections["skills"]
    assert research.is_group and research.items_md == ()
    assert [(g.title_md, g.items_md) for g in research.groups] == [
        ("Toolkits", ("PyTorch", "NumPy")),
        ("HPC Cluster", ("Slurm", "MPI")),
    ]
    assert languages.items_md == ("English",)
    assert [g.title_md for g in languages.groups] == ["Programming"]


def test_wrong_shapes_warn_with_line(tmp_path: Path) -> None:
    _, problems = _load(
        tmp_path,
        """
        skills:
          - title: A
            groups: nope
          - title: B
            groups:
              - just text
          - title: C
            items:
              - [nested, list]
              - {title: Sub}
          - title: D
            department: [x]
            supervisors: true
          - end: present
          - title: E
            groups:
              - title: E1
                groups:
                  - title: E2
                    groups:
                      - title: E3
                        groups:
                          - title: E4
        """,
    )
    messages = "\n".join(f"{p.line}: {p.message}" for p in problems)
    assert "3: skills: field 'groups' must be a list of sub-groups" in messages
    assert "6: skills: B: a sub-group must be a mapping" in messages
    assert "9: skills: field 'items': each item must be text or a sub-group" in messages
    assert "12: skills: field 'department' must be text" in messages
    assert "13: skills: field 'supervisors': a person is a name" in messages
    assert "14: skills: missing required field 'title'" in messages
    assert "23: skills: E: E1: E2: E3: groups nest at most 3 levels deep" in messages


def test_build_shows_the_new_fields(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        """
        positions:
          - organization: Acme Corp
            department: Research Lab
            location: Boston
            end: present
            supervisors: Ana Ruiz and Tomás Vidal
          - title: Postdoc
            organization: MIT
            department: Department of EECS
            start: 2018
            end: 2020
            supervisors: Claire Dubois
        skills:
          - title: Research skills
            groups:
              - title: Toolkits
                items: [PyTorch, NumPy]
              - title: HPC Cluster
                items: [Slurm, MPI]
        """,
    )
    assert built.ok, built.output
    body = _body(built)
    acme = body.split('<li class="academic-cv-entry">')[1]
    assert '<span class="academic-when">Present</span>' in acme
    assert '<span class="academic-cv-title">Acme Corp</span>' in acme
    # the organization is the title, not repeated, and no empty element stands for the role
    assert acme.count("Acme Corp") == 1
    assert (
        '<span class="academic-cv-org"><span class="academic-cv-department">Research Lab</span>, '
        '<span class="academic-cv-location">Boston</span></span>'
    ) in acme
    assert re.search(r"Supervisors:\s*Ana Ruiz, Tomás Vidal</span>", acme)
    postdoc = body.split('<li class="academic-cv-entry">')[2]
    assert (
        '<span class="academic-cv-org">MIT, <span class="academic-cv-department">Department of EECS</span>' in postdoc
    )
    assert re.search(r"Supervisor:\s*Claire Dubois</span>", postdoc)
    skills = body.split('<h2 id="skills">', 1)[1]
    compact = re.sub(r"\s+", " ", skills)
    assert (
        '<li class="academic-cv-group"> <strong>Research skills</strong><ul class="academic-cv-subgroups"> '
        '<li class="academic-cv-group"> <strong>Toolkits</strong>: PyTorch, NumPy</li> '
        '<li class="academic-cv-group"> <strong>HPC Cluster</strong>: Slurm, MPI</li> </ul> </li>'
    ) in compact


def test_build_strict_fails_on_bad_group(tmp_path: Path) -> None:
    built = _build(
        tmp_path,
        """
        skills:
          - title: Research skills
            groups:
              - [PyTorch]
        """,
    )
    assert not built.ok
    assert any(
        "data/cv.yml:4: skills: Research skills: a sub-group must be a mapping" in line for line in built.warnings()
    ), built.output
    assert "Traceback" not in built.output
