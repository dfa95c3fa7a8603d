"""Text and table output for the terminal: what the command line prints of the findings."""
