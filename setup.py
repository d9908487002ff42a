"""Where setuptools finds Cramproof's packages; everything else is in pyproject.toml.

The cue sounds, help and icons stay in the top-level resources/ folder, yet an installed
Cramproof (a wheel, `pip install .`) must carry them as package data that importlib.resources
can read. Installing the folder under an importable name, cramproof_resources, needs a package
list that joins discovered packages with a renamed folder, which pyproject.toml cannot express.
The folder's subfolders with importable names are listed as packages too, so setuptools ships
their files without warning that a package would be ignored.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = "cramproof_resources"

setup(
    packages=[
        *find_packages(include=["desktop", "desktop.*", "db", "db.*"]),
        RESOURCES,
        *(
            f"{RESOURCES}.{name}"
            for name in find_namespace_packages("resources")
            if all(part.isidentifier() for part in name.split("."))
        ),
    ],
    package_dir={RESOURCES: "resources"},
)
