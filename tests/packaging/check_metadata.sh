#!/usr/bin/env bash
# check_metadata.sh ROOT VERSION: the desktop file and the AppStream metainfo in
# ROOT/packaging/linux validate (desktop-file-validate, appstreamcli validate
# --strict), the metainfo has release notes for the project's VERSION, lists both
# programs and only screenshots that exist in ROOT/docs/screenshots.
# Exit 77 (skipped) when the validators are not installed.
set -euo pipefail
root=$1
version=$2
id=io.github.diffrhythm_studio.DiffRhythmStudio
desktop=$root/packaging/linux/$id.desktop
metainfo=$root/packaging/linux/$id.metainfo.xml

for tool in desktop-file-validate appstreamcli; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: $tool not installed (apt-get install desktop-file-utils appstream)"
    exit 77
  fi
done

status=0
desktop-file-validate "$desktop" || status=1
appstreamcli validate --strict --no-net "$metainfo" || status=1

python3 - "$metainfo" "$version" "$root/docs/screenshots" <<'PY' || status=1
import os, sys, xml.etree.ElementTree as ET
metainfo, version, shots = sys.argv[1:]
root = ET.parse(metainfo).getroot()
errors = []
releases = root.findall("./releases/release")
release = next((r for r in releases if r.get("version") == version), None)
if release is None:
    errors.append(f"no <release version=\"{version}\"> (the project version)")
elif release.find("description") is None:
    errors.append(f"release {version} has no <description> (release notes)")
if releases and releases[0].get("version") != version:
    errors.append(f"newest release is {releases[0].get('version')}, project is {version}")
binaries = {b.text for b in root.findall("./provides/binary")}
for name in ("diffrhythm-studio", "diffrhythm-cli"):
    if name not in binaries:
        errors.append(f"<provides> lacks <binary>{name}</binary>")
images = [i.text.strip() for i in root.findall("./screenshots/screenshot/image")]
if not images:
    errors.append("no screenshots")
for url in images:
    if not os.path.isfile(os.path.join(shots, os.path.basename(url))):
        errors.append(f"screenshot {url} is not in docs/screenshots")
if root.find("content_rating") is None:
    errors.append("no <content_rating>")
if not root.findall("./keywords/keyword"):
    errors.append("no <keywords>")
for error in errors:
    print(f"{metainfo}: {error}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
[[ $status -eq 0 ]] && echo "desktop file and metainfo valid"
exit $status
