"""The wheel's contents: the app's packages, plus the folders it reads at run time.

A source checkout reads ``resources/`` and ``migrations/`` at the top of the repository; the wheel
carries the same folders as ``app/_data/resources`` and ``app/_data/migrations`` (found through
``importlib.resources`` in ``app.config``), so an installed app needs no checkout.
"""

from setuptools import find_namespace_packages, setup

DATA = {"app._data.resources": "resources", "app._data.migrations": "migrations"}

setup(
    # namespace packages too: app/services has no __init__.py
    packages=[*find_namespace_packages(include=["app", "app.*"], exclude=["*.__pycache__"]),
              *DATA],
    package_dir=DATA,
    package_data={
        "app._data.resources": ["**/*"],
        "app._data.migrations": ["*.py", "*.mako", "versions/*.py"],
    },
    exclude_package_data={"": ["__pycache__/*", "*.pyc"]},
)
