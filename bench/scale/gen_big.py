#!/usr/bin/env python3
"""Writes a properties file of about SIZE_MB megabytes (deterministic; keys with escapes,
comments and continuation lines like bench/properties/gen.py, but simpler). usage:
gen_big.py OUT_FILE SIZE_MB"""
import sys

out, size = sys.argv[1], int(sys.argv[2]) << 20
with open(out, "w", encoding="latin-1") as f:
    written, i = 0, 0
    while written < size:
        if i % 40 == 0:
            line = "# section %d: settings of the component below\n" % i
        elif i % 97 == 0:
            line = "jaas.%d=org.Module required \\\n    user=\"u%d\" \\\n    pw=\"p\";\n" % (i, i)
        else:
            line = "component.%d.setting.name.%d = value\\u00e9 %d:with\\=escapes\n" % (i % 113, i, i)
        f.write(line)
        written += len(line)
        i += 1
    f.write("log.retention.hours=168\n")
