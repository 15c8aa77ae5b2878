"""Loading data files into the model: BibTeX, YAML and JSON, with problems as file:line."""
