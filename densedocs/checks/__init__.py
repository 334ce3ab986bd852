"""The checks behind `make test`, as functions of a checkout.

Each returns a list of problems, each naming the file to look at; an empty list means
the check passed. Tests call them on the real checkout and on tampered copies (to
prove that they bite), so they take the checkout's root as an argument.
"""
