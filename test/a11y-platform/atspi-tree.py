#!/usr/bin/python3
"""Reads the platform accessibility tree (AT-SPI, what Orca reads) for the test in
platform-tree.test.mjs, one JSON request and one JSON answer per line.

Run it inside the private D-Bus session that the browser under test also uses
(dbus-run-session). Every answer is one line, `@atspi ` and JSON; other lines on stdout
come from daemons of the session. At start it launches the AT-SPI bus for that session, prints
{"ready": true, "bus": <AT-SPI bus address>, "session": <D-Bus session address>} and then answers:

  {"cmd": "dump", "title": T}   the tree of the web document named T (the page title),
                                or {"found": false, "apps": [...]} while there is none yet
  {"cmd": "do", "id": N, "action": A}
                                runs action A ("press"...) on node N of the last dump
  {"cmd": "quit"}

A node is {id, role, name, states, attrs, text?, lang?, actions?, children}. `text` is the
node's own text, with U+FFFC where a child object sits; `lang` is the `language` text
attribute at the start of that text, where the engine gives one.
"""
import json
import os
import subprocess
import sys
import time

PREFIX = '@atspi '


def answer(obj):
    # Daemons that D-Bus starts in this session (the AT-SPI registry) write to the same
    # stdout, so answers carry a prefix that tells them apart.
    sys.stdout.write(PREFIX + json.dumps(obj, ensure_ascii=False) + '\n')
    sys.stdout.flush()


try:
    import gi
    gi.require_version('Gio', '2.0')
    from gi.repository import Gio, GLib
except ImportError as error:
    answer({'error': f'python3-gi is missing ({error}): apt-get install python3-gi'})
    sys.exit(1)

BUS_LAUNCHER = '/usr/libexec/at-spi-bus-launcher'
if not os.path.exists(BUS_LAUNCHER):
    answer({'error': f'{BUS_LAUNCHER} is missing: apt-get install at-spi2-core'})
    sys.exit(1)

# The AT-SPI bus of this D-Bus session. Its address goes to the browser in
# AT_SPI_BUS_ADDRESS, which libatspi reads before the X root window property
# (several sessions may share one X display).
launcher = subprocess.Popen([BUS_LAUNCHER, '--launch-immediately'], stdin=subprocess.DEVNULL)
session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
address = None
deadline = time.monotonic() + 10
while time.monotonic() < deadline:
    try:
        reply = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                                  None, GLib.VariantType('(s)'), Gio.DBusCallFlags.NO_AUTO_START, 1000, None)
        address = reply.unpack()[0]
        break
    except GLib.Error:
        time.sleep(0.05)
if not address:
    answer({'error': 'the AT-SPI bus did not start (at-spi-bus-launcher from at-spi2-core)'})
    sys.exit(1)
os.environ['AT_SPI_BUS_ADDRESS'] = address
# What a running screen reader announces: toolkits that ask (Chromium's browser process,
# GTK) turn their accessibility bridge on. The bus launcher stores it in GSettings, which
# the session keeps in memory (GSETTINGS_BACKEND=memory), not in the user's dconf.
for prop in ('IsEnabled', 'ScreenReaderEnabled'):
    session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.freedesktop.DBus.Properties', 'Set',
                      GLib.Variant('(ssv)', ('org.a11y.Status', prop, GLib.Variant('b', True))),
                      None, Gio.DBusCallFlags.NONE, 1000, None)

try:
    import pyatspi  # noqa: E402  (needs AT_SPI_BUS_ADDRESS first)
    from gi.repository import Atspi  # noqa: E402
except ImportError as error:
    answer({'error': f'pyatspi is missing ({error}): apt-get install python3-pyatspi'})
    sys.exit(1)

# A browser that stops answering must not stall the test for libatspi's default 25 s.
Atspi.set_timeout(5000, 15000)
EMBED = '\ufffc'
nodes = []


def states_of(acc):
    return sorted(Atspi.StateType(s).value_nick for s in acc.get_state_set().get_states())


def node_of(acc, depth=0):
    node_id = len(nodes)
    nodes.append(acc)
    node = {
        'id': node_id,
        'role': acc.get_role_name(),
        'name': acc.get_name() or '',
        'states': states_of(acc),
        'attrs': acc.get_attributes() or {},
    }
    interfaces = acc.get_interfaces()
    if 'Text' in interfaces:
        text = acc.queryText()
        node['text'] = text.getText(0, -1)
        if node['text']:
            # ["language:es", "weight:400", ...] at offset 0, defaults included
            attributes = dict(pair.split(':', 1) for pair in text.getAttributeRun(0)[0] if ':' in pair)
            if attributes.get('language'):
                node['lang'] = attributes['language']
    if 'Action' in interfaces:
        action = acc.queryAction()
        node['actions'] = [action.getName(i) for i in range(action.nActions)]
    description = acc.get_description()
    if description:
        node['description'] = description
    children = []
    if depth < 200:
        for i in range(acc.get_child_count()):
            child = acc.get_child_at_index(i)
            if child is not None:
                children.append(node_of(child, depth + 1))
    node['children'] = children
    return node


def find_document(acc, title, depth=0):
    """The web document named `title`; skips menus, tool bars and other window chrome."""
    role = acc.get_role()
    if role == Atspi.Role.DOCUMENT_WEB and (acc.get_name() or '') == title:
        return acc
    if role in (Atspi.Role.MENU_BAR, Atspi.Role.MENU, Atspi.Role.TOOL_BAR, Atspi.Role.STATUS_BAR,
                Atspi.Role.DOCUMENT_WEB) or depth > 40:
        return None
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        found = child is not None and find_document(child, title, depth + 1)
        if found:
            return found
    return None


last_found = {}


def same_document(acc, title):
    try:
        return acc.get_role() == Atspi.Role.DOCUMENT_WEB and (acc.get_name() or '') == title
    except Exception:  # gone with its page
        return False


def dump(title):
    started = time.monotonic()
    desktop = pyatspi.Registry.getDesktop(0)
    apps = []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is None:
            continue
        # The tree changes between dumps (a press expands a panel): read it afresh. (Turning
        # the cache off instead, with set_cache_mask(NONE), hangs libatspi 2.46 in Chromium.)
        app.clear_cache()
        apps.append(app.get_name())
        # Looking for the document walks the browser's own window (tabs, tool bars): skip
        # that when the document of the last dump is still the one asked for.
        doc = last_found.get(title)
        if doc is None or doc.get_application() != app or not same_document(doc, title):
            doc = find_document(app, title)
        if doc:
            last_found.clear()
            last_found[title] = doc
            found = time.monotonic()
            nodes.clear()
            tree = node_of(doc)
            return {'found': True, 'app': app.get_name(), 'toolkit': app.get_toolkit_name(),
                    'locale': doc.get_object_locale(), 'findMs': round((found - started) * 1000),
                    'ms': round((time.monotonic() - found) * 1000), 'tree': tree}
    return {'found': False, 'apps': apps}


def do_action(node_id, name):
    action = nodes[node_id].queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if name not in names:
        return {'done': False, 'actions': names}
    return {'done': bool(action.doAction(names.index(name)))}


answer({'ready': True, 'bus': address, 'session': os.environ.get('DBUS_SESSION_BUS_ADDRESS')})
for line in sys.stdin:
    try:
        request = json.loads(line)
        cmd = request.get('cmd')
        if cmd == 'dump':
            answer(dump(request['title']))
        elif cmd == 'do':
            answer(do_action(request['id'], request['action']))
        elif cmd == 'quit':
            break
        else:
            answer({'error': f'unknown command {cmd!r}'})
    except Exception as error:  # one bad request must not end the session
        answer({'error': f'{type(error).__name__}: {error}'})
launcher.terminate()
