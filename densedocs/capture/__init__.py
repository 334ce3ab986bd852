"""`make outputs`: run every snippet and keep what it printed (see __main__)."""
