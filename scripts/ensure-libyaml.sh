# Sourced by the other scripts: makes sure libyaml's development files are installed,
# which the YAML loader builds against. Installs them with apt-get when it can (as root,
# or through sudo without a password); otherwise stops with the command to run.

if [ -f /usr/include/yaml.h ] || pkg-config --exists yaml-0.1 2>/dev/null; then
    return 0 2>/dev/null || exit 0
fi

echo "libyaml-dev is missing; installing it with apt-get" >&2
if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev >&2
else
    echo "error: libyaml-dev is not installed and this user cannot install it." >&2
    echo "Run this, then try again:  sudo apt-get install libyaml-dev" >&2
    exit 69
fi

if [ ! -f /usr/include/yaml.h ]; then
    echo "error: installing libyaml-dev failed; run 'sudo apt-get install libyaml-dev' and try again" >&2
    exit 69
fi
