#!/usr/bin/env python3
"""Issue 21's package move, rerunnable: moves classes (and their tests) to the layered packages,
renames the shared exceptions, rewrites package and import lines, and adds imports for
references that were same-package before the move.

  python3 tools/relayout.py            # over the whole tree (git mv + rewrite)

Idempotent: a second run (e.g. after merging a branch that added files to old packages) moves
what is still in an old place and rewrites every file again.
"""
import os
import re
import subprocess
import sys

BASE = 'org.ttnlw.migrate'
ROOTS = ['src/main/java', 'src/test/java']

# (old package, class) -> (new package, new class); packages relative to BASE
MOVES = {}


def move(old_pkg, new_pkg, *names):
    for name in names:
        new_name = name
        if '=' in name:
            name, new_name = name.split('=')
        MOVES[(old_pkg, name)] = (new_pkg, new_name)


move('source', 'core', 'DeviceRef', 'GatewayRef', 'Futures', 'DeviceCount', 'SecretFlag',
     'IdSyntax', 'SourceContext=CallSettings', 'SourceConfigException=ConfigException',
     'SourceException=MigrationException', 'Utf8Lines', 'DurationConverter')
move('export', 'core', 'DeviceIds', 'DeviceRejectedException=ItemRejectedException',
     'OwnerOnlyFiles', 'StopSignal', 'RunLock')
move('text', 'core', 'ControlCharacters', 'Secrets', 'TerminalText')
move('source', 'cli', 'SourcePlugins')
move('export', 'pipeline', 'Delivery', 'DiffersInTarget', 'ExportFailedException',
     'ExportPipeline', 'ExportSummary', 'ItemFailure', 'ItemReport', 'LineWriter', 'PlanFile',
     'Progress', 'ProgressReport', 'RefFormat', 'RunJournal', 'RunPlan', 'RunProgress',
     'SideEffects', 'TargetOutcome', 'Transform', 'SecretFields')
move('export', 'devices', 'DeviceIdRules', 'DeviceList', 'GatedSideEffects', 'IdInput',
     'KeepDownlinksOn', 'NoSession', 'SourceSideEffects')
move('export', 'gateways', 'GatewayHandOver')
move('appsettings', 'tts', 'MaskedCalls', 'SettingsKind', 'SettingsKinds')
move('appsettings', 'source.tts', 'SettingsExport', 'SettingsReader')
move('appsettings', 'settings', 'ApplicationCreationOptions', 'ItemOutcome', 'RightsCheck',
     'SettingsFile', 'SettingsImport')
move('cli', 'devices', 'DeviceJob')
move('cli', 'gateways', 'GatewayJob')
# test helpers without a class of the same name
move('export', 'core', 'RunLockHolder')
move('text', 'core', 'SampleKeys')

RENAMES = {old[1]: new[1] for old, new in MOVES.items() if old[1] != new[1]}

PACKAGE = re.compile(r'^package ([\w.]+);', re.M)
FQN = re.compile(re.escape(BASE) + r'\.([a-z][\w.]*?)\.([A-Z]\w*)')


def java_files():
    for root in ROOTS:
        for dirpath, _, files in os.walk(root):
            for f in files:
                if f.endswith('.java'):
                    yield os.path.join(dirpath, f)


def rel(pkg):
    return pkg[len(BASE) + 1:] if pkg.startswith(BASE + '.') else None


def target_of(pkg, name):
    if (pkg, name) in MOVES:
        return MOVES[(pkg, name)]
    if name.endswith('Test') and (pkg, name[:-4]) in MOVES:
        new_pkg, new_name = MOVES[(pkg, name[:-4])]
        return new_pkg, new_name + 'Test'
    return pkg, name


def code_only(text):
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r'//[^\n]*', ' ', text)
    # keep {@link X} and @throws X in comments: they need the import as much as code does
    def comment(m):
        return ' '.join(re.findall(r'(?:\{@link(?:plain)?|@throws|@see)\s+([\w.#]+)', m.group(0)))
    return re.sub(r'/\*.*?\*/', comment, text, flags=re.S)


def main():
    files = {}
    for path in java_files():
        text = open(path, encoding='utf-8').read()
        m = PACKAGE.search(text)
        if not m or rel(m.group(1)) is None:
            continue
        files[path] = (rel(m.group(1)), os.path.basename(path)[:-5], text)

    # where every class of the tree was before this run, by package
    classes_in = {}
    for pkg, name, _ in files.values():
        classes_in.setdefault(pkg, set()).add(name)
    for pkg, name in MOVES:  # moved by an earlier run: still same-package for a file left there
        classes_in.setdefault(pkg, set()).add(name)

    for path, (pkg, name, text) in files.items():
        new_pkg, new_name = target_of(pkg, name)
        root = path.split('/org/')[0]
        new_path = os.path.join(root, *BASE.split('.'), *new_pkg.split('.'), new_name + '.java')
        text = rewrite(text, pkg, name, new_pkg, classes_in)
        if new_path != path:
            os.makedirs(os.path.dirname(new_path), exist_ok=True)
            subprocess.run(['git', 'mv', path, new_path], check=True)
        with open(new_path, 'w', encoding='utf-8') as out:
            out.write(text)


def rewrite(text, pkg, name, new_pkg, classes_in):
    def fqn(m):
        p, c = target_of(m.group(1), m.group(2))
        return f'{BASE}.{p}.{c}'
    text = FQN.sub(fqn, text)
    for old, new in RENAMES.items():
        text = re.sub(r'\b' + old + r'\b', new, text)
    text = PACKAGE.sub(f'package {BASE}.{new_pkg};', text, count=1)

    lines = text.split('\n')
    imports = [i for i, l in enumerate(lines) if l.startswith('import ')]
    wanted = set()
    code = code_only(re.sub(r'^import .*$', '', text, flags=re.M))
    words = set(re.findall(r'\b[A-Z]\w*\b', code))
    for other in classes_in.get(pkg, ()):
        if other == name:
            continue
        p, c = target_of(pkg, other)
        if p != new_pkg and c in words:
            wanted.add(f'import {BASE}.{p}.{c};')
    kept = []
    for i in imports:
        line = lines[i]
        m = re.match(r'import ' + re.escape(BASE) + r'\.([\w.]+)\.([A-Z]\w*);$', line)
        if m and m.group(1) == new_pkg:
            continue  # now the same package
        kept.append(line)
    if not imports and not wanted:
        return text
    block = sorted(set(kept) | wanted, key=lambda l: (not l.startswith('import static'), l))
    # static imports first, a blank line, then the rest, as the sources write them
    statics = [l for l in block if l.startswith('import static')]
    plain = [l for l in block if not l.startswith('import static')]
    new_block = statics + ([''] if statics and plain else []) + plain
    if imports:
        start, end = imports[0], imports[-1]
        return '\n'.join(lines[:start] + new_block + lines[end + 1:])
    at = next(i for i, l in enumerate(lines) if l.startswith('package ')) + 1
    return '\n'.join(lines[:at] + [''] + new_block + lines[at:])


if __name__ == '__main__':
    os.chdir(subprocess.run(['git', 'rev-parse', '--show-toplevel'], capture_output=True,
                            text=True, check=True).stdout.strip())
    main()
    sys.exit(0)
