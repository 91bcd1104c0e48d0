#!/usr/bin/env python3
"""Compare ecsrole lint with parliament 1.6.4 on the findings both tools look for.

Categories (ecsrole slug <- parliament issue):
  unknown actions      unknown-action, unknown-service <- UNKNOWN_ACTION, UNKNOWN_PREFIX   (per file and action)
  resource mismatch    resource-mismatch               <- RESOURCE_MISMATCH                 (per file)
  wildcard resource    wildcard-resource               <- RESOURCE_STAR                     (per file)
  privilege escalation privilege-escalation            <- PRIVILEGE_ESCALATION (community)  (per file)

Both tools run once over the whole corpus with JSON output. parliament runs with
--include-community-auditors (its privilege-escalation check lives there) and without the two files
it crashes on. Prints agree / only-ecsrole / only-parliament counts with a few examples each.

Usage: compare-parliament.py --ecsrole BIN --parliament BIN --corpus DIR [--examples N]
       [--ecsrole-json FILE --parliament-json FILE]   (reuse earlier outputs instead of running)
"""
import argparse, json, os, re, subprocess, sys
from collections import defaultdict

CRASHERS = {"SageMakerStudioEMRContainersSystemNamespaceRolePolicy.json", "SageMakerStudioProjectUserRolePolicy.json"}
SLUGS = "unknown-action,unknown-service,resource-mismatch,wildcard-resource,privilege-escalation"
CATEGORY_OF_SLUG = {"unknown-action": "unknown actions", "unknown-service": "unknown actions",
                    "resource-mismatch": "resource mismatch", "wildcard-resource": "wildcard resource",
                    "privilege-escalation": "privilege escalation"}
CATEGORY_OF_ISSUE = {"UNKNOWN_ACTION": "unknown actions", "UNKNOWN_PREFIX": "unknown actions",
                     "RESOURCE_MISMATCH": "resource mismatch", "RESOURCE_STAR": "wildcard resource",
                     "PRIVILEGE_ESCALATION": "privilege escalation"}
ORDER = ["unknown actions", "resource mismatch", "wildcard resource", "privilege escalation"]


def run_ecsrole(binary, corpus):
    out = subprocess.run([binary, "lint", corpus, "--format", "json", "--only", SLUGS], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"ecsrole exited {out.returncode}: {out.stderr[:500]}")
    return json.loads(out.stdout)


def run_parliament(binary, corpus):
    pattern = ".*(" + "|".join(re.escape(c[:-5]) for c in sorted(CRASHERS)) + ").*"
    out = subprocess.run([binary, "--directory", corpus, "--include_policy_extension", "json", "--exclude_pattern", pattern,
                          "--json", "--include-community-auditors"], capture_output=True, text=True)
    return [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")]


def value_at(doc, pointer):
    """The JSON value at an RFC 6901 pointer, or None."""
    node = doc
    for tok in pointer.split("/")[1:]:
        tok = tok.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            try: node = node[int(tok)]
            except (ValueError, IndexError): return None
        elif isinstance(node, dict):
            if tok not in node: return None
            node = node[tok]
        else:
            return None
    return node


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ecsrole"); ap.add_argument("--parliament"); ap.add_argument("--corpus", required=True)
    ap.add_argument("--ecsrole-json"); ap.add_argument("--parliament-json"); ap.add_argument("--examples", type=int, default=3)
    a = ap.parse_args()
    ours = json.load(open(a.ecsrole_json)) if a.ecsrole_json else run_ecsrole(a.ecsrole, a.corpus)
    theirs = ([json.loads(l) for l in open(a.parliament_json) if l.startswith("{")] if a.parliament_json
              else run_parliament(a.parliament, a.corpus))

    # keys[category][tool] = set of comparable keys; detail[(category, key)][tool] = example text
    keys = defaultdict(lambda: defaultdict(set))
    detail = defaultdict(dict)
    docs = {}
    for f in ours["files"]:
        name = os.path.basename(f["path"])
        if name in CRASHERS:
            continue  # parliament cannot read them: not comparable
        for x in f["findings"]:
            cat = CATEGORY_OF_SLUG.get(x["slug"])
            if not cat:
                continue
            if cat == "unknown actions":
                if name not in docs:
                    docs[name] = json.load(open(f["path"]))
                action = value_at(docs[name], x["pointer"])
                key = (name, str(action).lower())
            else:
                key = (name,)
            keys[cat]["ecsrole"].add(key)
            detail[(cat, key)].setdefault("ecsrole", f'{x["slug"]} at {x["line"]}:{x["column"]}: {x["message"][:160]}')
    for x in theirs:
        cat = CATEGORY_OF_ISSUE.get(x["issue"])
        if not cat:
            continue
        loc = x.get("location") or {}
        name = os.path.basename(loc.get("filepath") or "")
        key = (name, str(loc.get("string", "")).lower()) if cat == "unknown actions" else (name,)
        keys[cat]["parliament"].add(key)
        d = x.get("detail") or loc.get("type") or ""
        detail[(cat, key)].setdefault("parliament", f'{x["issue"]}: {json.dumps(d)[:160]}')

    print("\nComparison with parliament 1.6.4 (1,483 comparable policies; keys: file+action for unknown actions, file otherwise)")
    print(f'{"category":22} {"agree":>6} {"only ecsrole":>13} {"only parliament":>16}')
    for cat in ORDER:
        e, p = keys[cat]["ecsrole"], keys[cat]["parliament"]
        print(f"{cat:22} {len(e & p):6} {len(e - p):13} {len(p - e):16}")
    for cat in ORDER:
        e, p = keys[cat]["ecsrole"], keys[cat]["parliament"]
        for label, diff in (("only ecsrole", sorted(e - p)), ("only parliament", sorted(p - e))):
            if not diff:
                continue
            print(f"\n{cat} — {label} ({len(diff)}), e.g.:")
            for key in diff[:a.examples]:
                tool = "ecsrole" if label == "only ecsrole" else "parliament"
                print(f'  {" ".join(key)}: {detail[(cat, key)].get(tool, "")}')


if __name__ == "__main__":
    main()
