"""Importers: other homepage generators' data (al-folio, academicpages, Hugo Blox, JSON Resume) into ours."""
