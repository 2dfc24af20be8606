#!/usr/bin/env python3
"""Reads perf.data, code.idx and code.bin in DIR (bench/jit-profile.sh writes them) and prints where the
scan threads' samples fell: per compiled method (its inlined callees included) and kernel function, then
the hottest stretches of instructions of the top methods, disassembled by objdump.
   annotate.py DIR [THREAD_NAME [METHODS [WINDOW]]]"""
import collections, os, re, subprocess, sys

d = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else 'arr502-log-scan'
top_methods = int(sys.argv[3]) if len(sys.argv) > 3 else 4
window = int(sys.argv[4]) if len(sys.argv) > 4 else 30

blobs = []  # (address, size, offset, name); a later blob at an address replaces an earlier one
for line in open(os.path.join(d, 'code.idx')):
    a, s, o, n = line.rstrip('\n').split(' ', 3)
    blobs.append((int(a, 16), int(s), int(o), n))
starts = sorted(set(b[0] for b in blobs))

def blob_of(ip):
    for b in reversed(blobs):
        if b[0] <= ip < b[0] + b[1]:
            return b
    return None

script = subprocess.run(['perf', 'script', '-i', os.path.join(d, 'perf.data'), '-F', 'comm,ip,sym'],
                        capture_output=True, text=True).stdout
ips = collections.Counter()
kernel = collections.Counter()
threads = collections.Counter()
for line in script.splitlines():
    p = line.split()
    if len(p) < 2:
        continue
    threads[p[0]] += 1
    if p[0] != thread:
        continue
    try:
        ip = int(p[1], 16)
    except ValueError:
        continue
    if ip >= 0xffff800000000000:
        kernel['kernel ' + (p[2] if len(p) > 2 else '?')] += 1
    else:
        ips[ip] += 1

total = sum(ips.values()) + sum(kernel.values())
print('samples by thread:', ', '.join(f'{t} {c}' for t, c in threads.most_common(6)))
print(f'{thread}: {total} samples\n')
per = collections.Counter(kernel)
per_blob = collections.defaultdict(collections.Counter)
for ip, c in ips.items():
    b = blob_of(ip)
    per[b[3] if b else 'other user code (VM, libc)'] += c
    if b:
        per_blob[b][ip] += c
for name, c in per.most_common(20):
    print(f'{100 * c / total:6.2f}%  {name}')

code = open(os.path.join(d, 'code.bin'), 'rb').read()
for b, counts in sorted(per_blob.items(), key=lambda kv: -sum(kv[1].values()))[:top_methods]:
    a, s, o, n = b
    path = os.path.join(d, 'blob.bin')
    open(path, 'wb').write(code[o:o + s])
    dis = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '--adjust-vma=%#x' % a, path],
                         capture_output=True, text=True).stdout
    rows = []
    for l in dis.splitlines():
        m = re.match(r'\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(.*)', l)
        if m:
            ip = int(m.group(1), 16)
            rows.append((counts.get(ip, 0), ip, m.group(2)))
    mine = sum(counts.values())
    print(f'\n== {n}: {100 * mine / total:.1f}% of the thread, {s} bytes of code; hottest stretches:')
    spans = sorted(((sum(r[0] for r in rows[i:i + window]), i) for i in range(0, len(rows), window)), reverse=True)
    for c, i in spans[:3]:
        print(f'-- {100 * c / mine:.1f}% of the method')
        for cnt, ip, text in rows[i:i + window]:
            print(f'{cnt:6d} {ip:x}: {text}')
