"""Open data for the missions index: the column schema (defined once), the streamed CSV and
JSON files, the Frictionless Data Package descriptor and the data dictionary."""
