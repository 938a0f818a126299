# shellcheck shell=bash
# Sourced by ./casestream and .ci/run: picks a JDK >= 21 and exports JAVA_HOME (and CASESTREAM_JAVA_MAJOR).
# JAVA_HOME wins when it is one; otherwise the newest JDK under /usr/lib/jvm or on PATH.
# Returns non-zero with a message on stderr when there is none. Needs nothing but bash and coreutils.

CASESTREAM_MIN_JAVA=21

# The major version of a java launcher ("1.8.0_402" -> 8, "17.0.2" -> 17, "25" -> 25), or nothing.
casestream_java_major() {
    local java="$1" version
    [ -x "$java" ] || return 1
    version="$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
    case "$version" in
        1.*) version="${version#1.}" ;;
    esac
    version="${version%%[.+_-]*}"
    case "$version" in
        ''|*[!0-9]*) return 1 ;;
    esac
    printf '%s\n' "$version"
}

# A JDK home (not just a runtime): it has javac next to java.
casestream_is_jdk_home() {
    [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]
}

casestream_find_jdk() {
    local major candidate home best_home="" best_major=0 seen=" " java_on_path
    if [ -n "${JAVA_HOME:-}" ]; then
        if casestream_is_jdk_home "$JAVA_HOME" && major="$(casestream_java_major "$JAVA_HOME/bin/java")" \
            && [ "$major" -ge "$CASESTREAM_MIN_JAVA" ]; then
            export JAVA_HOME CASESTREAM_JAVA_MAJOR="$major"
            return 0
        fi
        echo "casestream: ignoring JAVA_HOME=$JAVA_HOME (not a JDK $CASESTREAM_MIN_JAVA or newer)" >&2
    fi
    java_on_path="$(command -v java 2>/dev/null || true)"
    for candidate in /usr/lib/jvm/*/bin/java ${java_on_path:+"$(readlink -f "$java_on_path")"}; do
        [ -x "$candidate" ] || continue
        home="$(cd "$(dirname "$candidate")/.." && pwd -P)"
        case "$seen" in *" $home "*) continue ;; esac
        seen="$seen$home "
        casestream_is_jdk_home "$home" || continue
        major="$(casestream_java_major "$candidate")" || continue
        if [ "$major" -gt "$best_major" ]; then
            best_major="$major"
            best_home="$home"
        fi
    done
    if [ -z "$best_home" ] || [ "$best_major" -lt "$CASESTREAM_MIN_JAVA" ]; then
        {
            echo "casestream: no JDK $CASESTREAM_MIN_JAVA or newer found (looked at JAVA_HOME, /usr/lib/jvm/* and java on PATH;"
            echo "  newest found: ${best_home:-none}${best_home:+ (Java $best_major)})."
            echo "  Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME to a JDK 21+."
        } >&2
        return 1
    fi
    export JAVA_HOME="$best_home" CASESTREAM_JAVA_MAJOR="$best_major"
}
