"""The preview's memory over many saves. Run by hand:
python benchmarks/preview_memory.py [--saves 1000]

`python -m rtdraft preview` (the command as installed, entry.py and all) of a copy of the
Fall 2019 example; the outline is saved by rename, as many editors save, with a new
title each time, and the next save waits until the page's event stream says that save
was rendered. The preview's resident memory (VmRSS) is read from /proc after the first
save and at every tenth of the run. Flat: the last figures stay within a few MB of the
middle ones. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "fall-2019-winnipeg.yaml"
TITLE = "title: Fall 2019 Law Enforcement Roundtable on Illicit Drugs"


def rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=1000)
    saves = parser.parse_args().saves
    with tempfile.TemporaryDirectory() as folder:
        outline = Path(folder) / "fall.yaml"
        shutil.copy(EXAMPLE, outline)
        text = outline.read_text()
        process = subprocess.Popen([sys.executable, "-m", "rtdraft", "preview", str(outline)],
                                   stdout=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            url = re.search(r"at (\S+) ", process.stdout.readline()).group(1)
            events = urlopen(url + "__rtdraft/events", timeout=60)
            version = 0
            while not version:   # the first rendering's
                line = events.readline().decode()
                version = int(line[6:]) if line.startswith("data: ") else 0
            time.sleep(1)   # the preview before issue 24 lost a save made before its watch was up
            started = time.monotonic()
            for save in range(1, saves + 1):
                new = outline.with_suffix(".new")
                new.write_text(text.replace(TITLE, f"{TITLE} (save {save})"))
                os.replace(new, outline)
                while True:   # until the event stream announces a newer version
                    line = events.readline().decode()
                    if line.startswith("data: ") and int(line[6:]) > version:
                        version = int(line[6:])
                        break
                if save == 1 or save % max(1, saves // 10) == 0:
                    print(f"save {save:5d}: {rss_kb(process.pid) / 1024:6.1f} MB, "
                          f"{time.monotonic() - started:6.1f} s", flush=True)
        finally:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=30)


if __name__ == "__main__":
    main()
