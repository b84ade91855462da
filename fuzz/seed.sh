#!/usr/bin/env bash
# Seeds every fuzz corpus (corpus/<target>/) from the project's own samples and, when
# ../shared is there, from the real filings: the corpora themselves are not kept.
# Targets whose first byte picks a reader or a table get one seed per choice.
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=../../shared
mkdir -p corpus/xml corpus/submission corpus/rendered corpus/dataset_table corpus/load_any

copy() { # copy <dest> <files...>: regular files only
    local dest=$1; shift
    for f in "$@"; do [ -f "$f" ] && cp "$f" "$dest/"; done
    return 0
}

copy corpus/xml "$root"/assets/*.xml "$shared"/filings/xml/*.xml
copy corpus/submission "$root"/assets/*.txt "$root"/assets/*.nc "$shared"/filings/submissions/*

# rendered: the first byte picks the printed-text (0), HTML (1) or typed-form (2) reader.
n=0
for f in "$root"/tests/fixtures/rendered/* "$shared"/seeds/* "$shared"/filings/rendered/*; do
    [ -f "$f" ] || continue
    for pick in 0 1 2; do
        { printf "\\x0$pick"; head -c 60000 "$f"; } > "corpus/rendered/seed-$n-$pick"
    done
    n=$((n + 1))
done

# dataset_table: the first byte picks the table, in the order of TableName::ALL.
tables=(SUBMISSION REPORTINGOWNER NONDERIV_TRANS NONDERIV_HOLDING DERIV_TRANS DERIV_HOLDING
    FOOTNOTES OWNER_SIGNATURE)
for f in "$shared"/filings/datasets/*/*.tsv; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .tsv)
    for i in "${!tables[@]}"; do
        if [ "${tables[$i]}" = "$name" ]; then
            out="corpus/dataset_table/$(basename "$(dirname "$f")")-$name"
            { printf "\\x0$i"; head -c 6000 "$f"; } > "$out"
            head -c 6000 "$f" > "corpus/load_any/$(basename "$(dirname "$f")")-$name.tsv"
        fi
    done
done

# load_any: every kind of file the loader sniffs.
cp corpus/xml/* corpus/submission/* corpus/load_any/
for d in corpus/*; do echo "$d: $(find "$d" -type f | wc -l) files"; done
