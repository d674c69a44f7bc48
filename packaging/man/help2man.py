#!/usr/bin/env python3
"""Turns a program's --help text into a man page (roff, optionally gzipped).

Generic on purpose: nothing here knows our options, so an option or command added to
the --help text shows up in the man page at the next build. The --help text is read
as blocks separated by blank lines:

  usage: PROG ...            -> SYNOPSIS (every "usage:" line)
  Heading:                   -> a section; "... options:" headings become
    TERM   description            subsections of OPTIONS, "Exit codes:" becomes
    TERM   description            EXIT STATUS, any other heading its own section
           continued              (a term's continuation lines are indented deeper)
  Unindented paragraph       -> DESCRIPTION

Hand-written roff (FILES, ENVIRONMENT, SEE ALSO, ...) comes from --extra files
(packaging/man/*.man), appended in order; @VERSION@ and @PROG@ are substituted.
The page's date is that of the project version's release in the AppStream metainfo
(never the build time), so the output is reproducible.
"""

import argparse
import gzip
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

TERM_LINE = re.compile(r"^(?P<indent> +)(?P<term>\S(?:\S| (?! ))*)(?: {2,}(?P<desc>\S.*))?$")


def roff_escape(text):
    """Escapes text for roff: backslashes, hyphens (as \\-), leading control characters."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    if text.startswith((".", "'")):
        text = "\\&" + text
    return text


def format_term(term, literal):
    """Options and literal words bold, metavariables (FILE, N, TEXT, ...) italic."""
    parts = []
    for word in term.split(" "):
        bare = word.strip("[]()<>|.,")
        if literal:  # commands, exit codes: literal words bold, metavariables italic
            metavar = word.startswith(("[", "<")) or (bare.isupper() and len(bare) > 1)
            font = "I" if metavar else "B"
        else:  # options: the option bold, its metavariable or value list italic
            font = "B" if word.lstrip("[(").startswith("-") else "I"
        parts.append(f"\\f{font}" + roff_escape(word) + "\\fR")
    return " ".join(parts)


class Entry:
    """One term of a list: its description, the column the description starts at,
    and nested entries (e.g. a command's subcommands listed under it)."""

    def __init__(self, term, desc, desc_column):
        self.term, self.desc, self.desc_column = term, desc, desc_column
        self.children = []

    def append(self, text):
        self.desc = (self.desc + " " + text).strip()


def split_term(line):
    """(indent, term, description or None, description column)."""
    indent = len(line) - len(line.lstrip(" "))
    match = TERM_LINE.match(line)
    if not match:
        return indent, line.strip(), None, indent
    desc = match.group("desc")
    return indent, match.group("term"), desc, (match.start("desc") if desc else indent)


def parse_entries(lines):
    """Entries start at the block's first indentation. A deeper line is, in order: the
    continuation of the last nested entry (at or beyond that entry's description
    column, or deeper than the entry's description column without a two-space gap),
    the continuation of the entry (at its description column, or without a two-space
    gap), else a nested "TERM  description" entry (a subcommand under a command)."""
    entries = []
    base_indent = None
    for line in lines:
        indent, term, desc, desc_column = split_term(line)
        if base_indent is None:
            base_indent = indent
        if indent <= base_indent or not entries:
            entries.append(Entry(term, desc or "", desc_column))
            continue
        parent = entries[-1]
        child = parent.children[-1] if parent.children else None
        if child is not None and indent >= child.desc_column:
            child.append(line.strip())
        elif child is not None and desc is None and indent > parent.desc_column:
            child.append(line.strip())
        elif indent == parent.desc_column or desc is None:
            parent.append(line.strip())
        else:
            parent.children.append(Entry(term, desc, desc_column))
    return entries


def parse_help(text):
    """Returns (usage lines, description paragraphs, [(heading, [Entry])])."""
    usages, paragraphs, sections = [], [], []
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    for block in blocks:
        first = block[0]
        if first.lower().startswith("usage:"):
            for line in block:
                if line.lower().startswith("usage:"):
                    usages.append(line[len("usage:"):].strip())
                elif usages:
                    usages[-1] += " " + line.strip()
            continue
        if not first.startswith(" ") and first.endswith(":") and len(block) > 1:
            sections.append((first[:-1].strip(), parse_entries(block[1:])))
            continue
        paragraphs.append(" ".join(line.strip() for line in block))
    return usages, paragraphs, sections


def section_name(heading):
    lowered = heading.lower()
    if lowered in ("exit codes", "exit status", "exit code"):
        return "EXIT STATUS"
    if lowered == "options" or lowered.endswith(" options"):
        return "OPTIONS"
    return heading.upper()


def release_date(metainfo, version):
    """Date of `version`'s release in the metainfo, else the newest release's date."""
    root = ET.parse(metainfo).getroot()
    releases = root.findall("./releases/release")
    for release in releases:
        if release.get("version") == version and release.get("date"):
            return release.get("date")
    dates = sorted(r.get("date") for r in releases if r.get("date"))
    if not dates:
        sys.exit(f"{metainfo}: no <release date=...>")
    return dates[-1]


def write_entries(out, entries, literal_terms):
    for entry in entries:
        out.write(".TP\n")
        out.write(format_term(entry.term, literal_terms) + "\n")
        out.write((roff_escape(entry.desc) if entry.desc else "\\&") + "\n")
        if entry.children:
            out.write(".RS\n")
            write_entries(out, entry.children, literal_terms)
            out.write(".RE\n")


def render(args, help_text):
    usages, paragraphs, sections = parse_help(help_text)
    out = io.StringIO()
    title = args.name.upper()
    out.write(f".\\\" Generated by packaging/man/help2man.py from `{args.name} --help` "
              "and packaging/man/*.man; do not edit.\n")
    out.write(f'.TH "{roff_escape(title)}" "{args.section}" "{args.date}" '
              f'"{roff_escape(args.source)} {args.version}" "{roff_escape(args.manual)}"\n')
    out.write(".SH NAME\n")
    out.write(f"{roff_escape(args.name)} \\- {roff_escape(args.summary)}\n")
    out.write(".SH SYNOPSIS\n")
    for i, usage in enumerate(usages or [args.name + " [options]"]):
        if i:
            out.write(".br\n")
        words = usage.split(" ", 1)
        rest = f" {format_term(words[1], False)}" if len(words) > 1 else ""
        out.write(f"\\fB{roff_escape(words[0])}\\fR{rest}\n")
    out.write(".SH DESCRIPTION\n")
    for i, paragraph in enumerate([args.description] + paragraphs if args.description
                                  else paragraphs):
        if i:
            out.write(".PP\n")
        out.write(roff_escape(paragraph) + "\n")

    opened = set()
    for heading, entries in sections:
        name = section_name(heading)
        if name == "OPTIONS":
            if name not in opened:
                out.write(".SH OPTIONS\n")
                opened.add(name)
            if heading.lower() != "options":
                out.write(f'.SS "{roff_escape(heading[0].upper() + heading[1:])}"\n')
        else:
            out.write(f".SH {roff_escape(name)}\n")
            opened.add(name)
        write_entries(out, entries, literal_terms=name != "OPTIONS")

    for extra in args.extra:
        with open(extra, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("@VERSION@", args.version).replace("@PROG@", args.name)
        out.write(text if text.endswith("\n") else text + "\n")
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", required=True, help="program name (page title)")
    parser.add_argument("--section", default="1")
    parser.add_argument("--summary", required=True, help="one line for NAME")
    parser.add_argument("--description", default="", help="first DESCRIPTION paragraph")
    parser.add_argument("--version", required=True)
    parser.add_argument("--source", default="DiffRhythm Studio")
    parser.add_argument("--manual", default="User Commands")
    parser.add_argument("--metainfo", required=True, help="AppStream file for the date")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--help-file", help="a file holding the program's --help text")
    source.add_argument("--help-from", metavar="PROGRAM", help="runs PROGRAM --help")
    parser.add_argument("--extra", action="append", default=[], help="roff appended")
    parser.add_argument("--output", required=True, help="NAME.1 or NAME.1.gz")
    args = parser.parse_args()
    args.date = release_date(args.metainfo, args.version)
    if args.help_from:
        run = subprocess.run([args.help_from, "--help"], stdout=subprocess.PIPE, check=False)
        if run.returncode != 0:
            sys.exit(f"{args.help_from} --help exited with {run.returncode}")
        help_text = run.stdout.decode("utf-8")
    else:
        with open(args.help_file, encoding="utf-8") as f:
            help_text = f.read()
    if not help_text.strip():
        sys.exit(f"{args.help_from or args.help_file}: empty --help text")
    page = render(args, help_text).encode("utf-8")
    if args.output.endswith(".gz"):
        # No file name and a zero time stamp in the header: same input, same bytes.
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9,
                           mtime=0) as gz:
            gz.write(page)
        page = buffer.getvalue()
    with open(args.output, "wb") as f:
        f.write(page)


if __name__ == "__main__":
    main()
