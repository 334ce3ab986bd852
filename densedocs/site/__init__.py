"""Everything `mkdocs build` loads: the hooks mkdocs.yml names, in the order it
names them. They import only densedocs.layout of this package (and so never
TensorFlow). Whatever they read or patch of another package's insides is in
couplings/, each coupling checked as the build starts (couplings/guard.py).
speed/ holds the patches that only make the site faster.
"""
