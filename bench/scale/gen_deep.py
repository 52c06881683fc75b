#!/usr/bin/env python3
"""Writes a folder tree DEPTH levels deep (one-letter folder names, so a path grows by two
bytes a level), with a broker config every LEVEL levels. Built with os.mkdir relative to the
folder made last (chdir), so depths beyond PATH_MAX can be made. usage: gen_deep.py OUT DEPTH"""
import os
import sys

out, depth = sys.argv[1], int(sys.argv[2])
every = 100
os.makedirs(out, exist_ok=True)
here = os.getcwd()
os.chdir(out)
for i in range(depth):
    os.mkdir("d")
    os.chdir("d")
    if i % every == 0:
        with open("server.properties", "w") as f:
            f.write("broker.id=%d\nlog.dirs=/data\nzookeeper.connect=zk:2181\n" % i)
os.chdir(here)
