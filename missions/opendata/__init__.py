"""Open data for the missions index, on the shared mechanism of home/opendata: the column
schema (defined once), the rows of each table and the dataset that serves them."""
