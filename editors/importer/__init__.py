"""Spreadsheet import of missions: read (reader.py), check every row (check.py), preview,
then save everything in one transaction (save.py). See the README's section on the import."""
