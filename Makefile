# Two commands: `make run` starts Cramproof, `make test` runs every check CI runs.
# Both create the virtual environment in .venv on first use and install exactly the versions in
# requirements.lock (every one hash-checked), then Cramproof itself; they reinstall when the lock
# or pyproject.toml changes. `make lock` regenerates the lock after a change to the dependencies.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ARGS ?=
LOCK := requirements.lock

.PHONY: run test bench lock dist install-desktop clean

run: $(VENV)/.installed
	$(PY) -m desktop $(ARGS)

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(ARGS)

bench: $(VENV)/.installed
	$(PY) -m bench $(ARGS)

# `make screenshots` regenerates packaging/screenshots/ from the real program under Xvfb
# (needs xvfb, xdotool and imagemagick; pulseaudio for the gym screenshot's sound line).
.PHONY: screenshots
screenshots: $(VENV)/.installed
	$(PY) packaging/screenshots.py packaging/screenshots

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Cramproof needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }

# One environment for running and testing: the lock holds the app's dependencies, the test tools
# and the build backend (setuptools), so nothing unpinned is ever fetched, not even to build the
# editable install. pip itself comes from the lock too (sqlite-utils depends on it).
$(VENV)/.installed: $(LOCK) pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes --requirement $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@

# `make lock` resolves pyproject.toml (with the test extra and the build backend) once for Python
# 3.11-3.13 on every platform, with every file's sha256, and the Flatpak's wheel list (Python 3.13)
# from that same lock. uv runs from its own venv under build/, never from .venv.
UV ?= uv==0.13.9
LOCK_TOOL_VENV ?= build/lock-tool
FLATPAK_REQUIREMENTS := packaging/flatpak/requirements.txt

lock:
	@test -x $(LOCK_TOOL_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_TOOL_VENV)
	$(LOCK_TOOL_VENV)/bin/python -m pip install --quiet '$(UV)'
	$(PYTHON) -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['build-system']['requires'], sep='\n')" \
		| $(LOCK_TOOL_VENV)/bin/uv pip compile --quiet pyproject.toml - --extra test --universal \
			--python-version 3.11 --generate-hashes --custom-compile-command 'make lock' \
			--output-file $(LOCK)
	$(LOCK_TOOL_VENV)/bin/uv pip compile --quiet pyproject.toml --constraint $(LOCK) \
		--python-version 3.13 --python-platform x86_64-manylinux_2_34 --generate-hashes \
		--no-emit-package pip --custom-compile-command 'make lock' --output-file $(FLATPAK_REQUIREMENTS)

# `make dist` builds the self-contained folder dist/cramproof/ (run dist/cramproof/cramproof).
# PyInstaller is a build tool, not a runtime dependency: it goes into .venv only when asked for.
PYINSTALLER ?= pyinstaller>=6.11,<7
DIST_DIR ?= dist
BUILD_DIR ?= build/pyinstaller

dist: $(VENV)/.installed $(VENV)/.installed-pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath $(DIST_DIR) --workpath $(BUILD_DIR) packaging/cramproof.spec

$(VENV)/.installed-pyinstaller: | $(VENV)/bin/python
	$(PY) -m pip install --quiet '$(PYINSTALLER)'
	@touch $@

# `make install-desktop` adds Cramproof to this user's application menu (XDG_DATA_HOME, default
# ~/.local/share), launching the bundle in $(DIST_DIR) if built, otherwise .venv/bin/cramproof.
install-desktop: $(VENV)/.installed
	$(PY) packaging/install_desktop.py --bundle $(DIST_DIR)/cramproof/cramproof \
		--venv-command $(VENV)/bin/cramproof

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
