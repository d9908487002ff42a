"""The cue sounds, help pages and icons, installed as the package ``cramproof_resources``.

This file makes the folder a regular package, so ``importlib.resources`` reads it the same way
from a wheel, a ``pip install .`` and an editable install; desktop/runtime/resources.py is the
one place that does.
"""
