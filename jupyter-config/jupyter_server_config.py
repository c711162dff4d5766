# The handbook's own Jupyter configuration: scripts/lab.sh sets JUPYTER_CONFIG_DIR to this
# folder, so nothing is read from or written to the user's home (~/.jupyter).
# Committed settings live here; what JupyterLab writes while it runs (the person's own settings,
# workspaces, kernel connection files) goes to the git-ignored folder local/ beside this file.
import os

from jupyter_server.services.contents.filecheckpoints import AsyncFileCheckpoints

here = os.path.dirname(os.path.abspath(__file__))
local = os.path.join(here, "local")

c = get_config()  # noqa: F821 (defined by the Jupyter config loader)

# Loopback only; lab.sh prints the address (with its token) instead of opening a browser.
c.ServerApp.ip = "127.0.0.1"
c.ServerApp.open_browser = False
c.ServerApp.allow_remote_access = False
# Folders a reader does not need in the file browser.
c.ContentsManager.hide_globs = [
    "__pycache__", "*.pyc", "*.egg-info", ".venv", "_build", "node_modules", ".ipynb_checkpoints",
    ".*_cache", ".hypothesis", "local",
]

# Defaults of the JupyterLab interface (double-click opens a page as a notebook, no news or
# update checks: the office network may be closed) in lab/settings/overrides.json.
c.LabApp.app_settings_dir = os.path.join(here, "lab", "settings")
c.LabApp.user_settings_dir = os.path.join(local, "user-settings")
c.LabApp.workspaces_dir = os.path.join(local, "workspaces")
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"


class OutsideCheckpoints(AsyncFileCheckpoints):
    """Checkpoints under local/checkpoints/ (same tree as the files), not in .ipynb_checkpoints/
    folders inside book/, where the build and the tests would meet copies of the pages."""

    def checkpoint_path(self, checkpoint_id, path):  # type: ignore[no-untyped-def]
        parent, _, name = path.strip("/").rpartition("/")
        basename, ext = os.path.splitext(name)
        folder = os.path.join(local, "checkpoints", *[p for p in parent.split("/") if p])
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"{basename}-{checkpoint_id}{ext}")


c.ContentsManager.checkpoints_class = OutsideCheckpoints
