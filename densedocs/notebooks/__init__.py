"""The notebooks: generated from notebooks/*.md and the captures, run as a reader
runs them."""
