#!/usr/bin/env python3
"""check_man_page.py (--program PROG | --help-file FILE) --man PAGE.1[.gz]

Every option and every command of a program's --help must be documented in its man
page (as a tagged paragraph: the term of a .TP entry), so a new option cannot be
missing from the page. Parses the --help text independently of the generator
(packaging/man/help2man.py): options are the "-x"/"--xx" words that start an indented
line, commands the first words of the lines under a "Commands:" heading, and every
"--option" mentioned anywhere in the text must appear somewhere in the page. When
`man` is installed the page must also format without warnings.
"""

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys


def help_text(args):
    if args.help_file:
        with open(args.help_file, encoding="utf-8") as f:
            return f.read()
    run = subprocess.run([args.program, "--help"], stdout=subprocess.PIPE, check=False)
    if run.returncode != 0:
        sys.exit(f"{args.program} --help exited with {run.returncode}")
    return run.stdout.decode("utf-8")


def documented_items(text):
    options, commands, mentioned = set(), set(), set()
    in_commands = False
    for line in text.splitlines():
        if not line.strip():
            in_commands = False
            continue
        if not line.startswith(" "):
            in_commands = line.strip().lower() == "commands:"
            continue
        first = line.split()[0]
        if in_commands:
            commands.add(first)
        elif re.fullmatch(r"--?[A-Za-z][\w-]*", first):
            options.add(first)
    mentioned.update(re.findall(r"(?<![\w-])--[A-Za-z][\w-]*", text))
    return options, commands, mentioned


def plain_roff(page):
    """Terms of the .TP entries and the whole page, with roff escapes removed."""
    def plain(line):
        line = re.sub(r"\\f[BIRP]", "", line)
        return line.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")

    lines = page.splitlines()
    terms = [plain(lines[i + 1]) for i, line in enumerate(lines[:-1]) if line == ".TP"]
    return terms, plain(page)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--program")
    source.add_argument("--help-file")
    parser.add_argument("--man", required=True)
    args = parser.parse_args()

    if not os.path.exists(args.man):
        sys.exit(f"{args.man}: no man page (built by the drs_man_pages target)")
    with open(args.man, "rb") as f:
        raw = f.read()
    page = (gzip.decompress(raw) if args.man.endswith(".gz") else raw).decode("utf-8")
    terms, whole = plain_roff(page)
    term_words = {word for term in terms for word in term.split()}

    options, commands, mentioned = documented_items(help_text(args))
    if not options:
        sys.exit("no options found in the --help text: is it still in the expected format?")
    failures = []
    for item in sorted(options | commands):
        if item not in term_words:
            failures.append(f"'{item}' is in --help but has no entry in {args.man}")
    for item in sorted(mentioned):
        if not re.search(r"(?<![\w-])" + re.escape(item) + r"(?![\w-])", whole):
            failures.append(f"'{item}' is mentioned in --help but not in {args.man}")

    if shutil.which("man"):
        env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MAN_KEEP_STDERR="1")
        run = subprocess.run(["man", "--warnings", "-l", args.man], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=env, check=False)
        if run.returncode != 0 or run.stderr.strip():
            failures.append(f"man -l {args.man}: {run.stderr.decode(errors='replace').strip()}")

    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        return 1
    print(f"{args.man}: {len(options)} options, {len(commands)} commands, "
          f"{len(mentioned)} mentioned options documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
