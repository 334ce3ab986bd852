"""`make bench`: the build, the checks and the pages against their baselines."""
