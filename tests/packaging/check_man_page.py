#!/usr/bin/env python3
"""check_man_page.py (--program PROG | --help-file FILE) --man PAGE.1[.gz]

Every option and every command of a program's --help must be documented in its man
page (as a tagged paragraph: the term of a .TP entry), so a new option cannot be
missing from the page. Parses the --help text independently of the generator
(packaging/man/help2man.py): options are the "-x"/"--xx" words that start a list's
lines, commands the first words of the lines under a "Commands:" heading, subcommands
the deeper "COMMAND SUB  description" lines under them, and every "--option" mentioned
anywhere in the text must appear somewhere in the page. When
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
    """Options (terms starting with -), commands (terms under "Commands:") and
    subcommands (deeper "COMMAND SUB ...  description" lines under a command), each
    taken from the lines at a list's own indentation, plus every --option mentioned."""
    options, commands, subcommands = set(), set(), set()
    heading, base = None, None
    for line in text.splitlines():
        if not line.strip():
            heading, base = None, None
            continue
        if not line.startswith(" "):
            heading, base = line.strip().lower(), None
            continue
        indent = len(line) - len(line.lstrip(" "))
        base = indent if base is None else base
        first = line.split()[0]
        if indent == base:
            if heading == "commands:":
                commands.add(first)
            elif re.fullmatch(r"--?[A-Za-z][\w-]*", first):
                options.add(first)
        elif heading == "commands:" and first in commands:
            match = re.match(r"\s+(\S+(?: \S+)*?)(?:\s{2,}|$)", line)
            words = [w for w in match.group(1).split() if not w.startswith(("[", "<"))
                     and not (w.isupper() and len(w) > 1)]
            subcommands.add(" ".join(words))
    mentioned = set(re.findall(r"(?<![\w-])--[A-Za-z][\w-]*", text))
    return options, commands, subcommands, mentioned


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

    options, commands, subcommands, mentioned = documented_items(help_text(args))
    if not options:
        sys.exit("no options found in the --help text: is it still in the expected format?")
    failures = []
    for item in sorted(options | commands):
        if item not in term_words:
            failures.append(f"'{item}' is in --help but has no entry in {args.man}")
    for item in sorted(subcommands):
        if not any(term == item or term.startswith(item + " ") for term in terms):
            failures.append(f"subcommand '{item}' is in --help but has no entry in {args.man}")
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
          f"{len(subcommands)} subcommands, {len(mentioned)} mentioned options documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
