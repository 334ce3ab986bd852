"""Everything `mkdocs build` loads: the hooks mkdocs.yml names, in the order it
names them. They import only densedocs.layout of this package (and so never
TensorFlow); what they read of other plugins' private state is in plugins.py,
each read checked. speed/ holds the patches that only make the site faster.
"""
