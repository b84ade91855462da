#!/usr/bin/env bash
# Seeds every fuzz corpus (corpus/<target>/) from the project's own samples and, when
# ../shared is there, from the real filings: the corpora themselves are not kept.
# Targets whose first byte picks a reader or a table get one seed per choice.
# Also writes one libFuzzer dictionary per target (dict/<target>.dict): the string
# literals of the readers it feeds, and for XML the element names of the samples.
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
find corpus/xml corpus/submission -type f -exec cp -t corpus/load_any/ {} +

# Dictionaries: literals of 2 to 40 printable ASCII characters without quotes,
# backslashes or braces (libFuzzer reads nothing else unescaped).
mkdir -p dict
literals() { # literals <source files...>
    LC_ALL=C grep -ohE '"[] !#-[^-z|~]{2,40}"' "$@" | sort -u
}
tags() { # element names of the XML samples, as start and end tags
    for f in "$root"/assets/*.xml "$shared"/filings/xml/*.xml; do
        if [ -f "$f" ]; then grep -oE '<[A-Za-z][A-Za-z0-9]*' "$f" || true; fi
    done | sort -u | sed -E 's|<(.*)|"<\1>"\n"</\1>"|'
}
src="$root"/src/parse
{ literals "$src"/xml/*.rs "$src"/values.rs; tags; } | sort -u > dict/xml.dict
{ literals "$src"/submission/*.rs "$src"/xml/*.rs "$src"/values.rs; tags; } | sort -u > dict/submission.dict
literals "$src"/dataset/*.rs "$src"/values.rs > dict/dataset_table.dict
literals "$src"/rendered/*.rs "$src"/values.rs > dict/rendered.dict
{ literals "$src"/*.rs "$src"/*/*.rs; tags; } | sort -u > dict/load_any.dict
for d in dict/*.dict; do echo "$d: $(wc -l < "$d") entries"; done
for d in corpus/*; do echo "$d: $(find "$d" -type f | wc -l) files"; done
