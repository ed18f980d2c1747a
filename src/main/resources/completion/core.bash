# sikifanso completion core (bash): what may come next, worked out in the shell from the command
# table above and the names in the state directory (SIKIFANSO_HOME or ~/.sikifanso), with no JVM.
_sikifanso_filter() { # CURRENT PREFIX WORD... : adds PREFIX+WORD to _sikifanso_reply for each WORD starting with CURRENT
    local cur=$1 prefix=$2 w
    shift 2
    for w in "$@"; do
        [[ $w == "$cur"* ]] && _sikifanso_reply+=("$prefix$w")
    done
    return 0
}

# The name functions add to _sikifanso_found and start no process: a Tab must stay well under 50 ms.
_sikifanso_yaml_names() { # DIR : base names of DIR/*.yaml
    local f
    for f in "$1"/*.yaml; do
        [[ -f $f ]] || continue
        f=${f##*/}
        _sikifanso_found+=("${f%.yaml}")
    done
}

_sikifanso_repo() { # HOME CLUSTER : sets _sikifanso_gitops to the cluster's repo, as its session records it
    local session="$1/clusters/$2/session.yaml" text="" line
    _sikifanso_gitops="$1/clusters/$2/gitops"
    [[ -f $session ]] || return
    IFS= read -r -d '' text < "$session"
    if [[ $'\n'$text =~ $'\n'gitOpsPath:[[:space:]]*[\"\']?([^$'\n'\"\']+) ]]; then
        _sikifanso_gitops=${BASH_REMATCH[1]}
        _sikifanso_gitops=${_sikifanso_gitops%"${_sikifanso_gitops##*[![:space:]]}"}
    fi
}

_sikifanso_catalog() { # REPO WANT(all|enabled|disabled)
    local f text enabled
    for f in "$1"/catalog/*.yaml; do
        [[ -f $f ]] || continue
        text=""
        IFS= read -r -d '' text < "$f"
        enabled=false
        [[ $'\n'$text =~ $'\n'enabled:[[:space:]]*true ]] && enabled=true
        if [[ $2 == all || ($2 == enabled && $enabled == true) || ($2 == disabled && $enabled == false) ]]; then
            f=${f##*/}
            _sikifanso_found+=("${f%.yaml}")
        fi
    done
}

_sikifanso_names() { # KIND CLUSTER
    local home=${SIKIFANSO_HOME:-$HOME/.sikifanso} f
    case $1 in
        clusters)
            for f in "$home"/clusters/*/session.yaml; do
                [[ -f $f ]] || continue
                f=${f%/session.yaml}
                _sikifanso_found+=("${f##*/}")
            done ;;
        snapshots)
            for f in "$home"/snapshots/*.tar.gz; do
                [[ -f $f ]] || continue
                f=${f##*/}
                _sikifanso_found+=("${f%.tar.gz}")
            done ;;
        *)
            _sikifanso_repo "$home" "$2"
            case $1 in
                catalog-apps) _sikifanso_catalog "$_sikifanso_gitops" all ;;
                enabled-apps|disabled-apps) _sikifanso_catalog "$_sikifanso_gitops" "${1%-apps}" ;;
                custom-apps) _sikifanso_yaml_names "$_sikifanso_gitops/apps/coordinates" ;;
                agents) _sikifanso_yaml_names "$_sikifanso_gitops/agents" ;;
            esac ;;
    esac
}

_sikifanso_candidates() { # WORD... : the words after "sikifanso", the last one being typed; sets _sikifanso_reply
    local IFS=$' \t\n' # the caller's may be a newline only
    _sikifanso_reply=()
    local -a words=("$@")
    local n=${#words[@]} path=sikifanso cluster=${SIKIFANSO_CLUSTER:-default} pending="" npos=0 w i
    ((n == 0)) && { words=(""); n=1; }
    local cur=${words[n-1]}
    for ((i = 0; i < n - 1; i++)); do
        w=${words[i]}
        if [[ -n $pending ]]; then
            [[ $pending == -c || $pending == --cluster ]] && cluster=$w
            pending=""
        elif [[ $w == -* ]]; then
            if [[ $w == --cluster=* ]]; then cluster=${w#--cluster=}; fi
            [[ $w != *=* && -n ${_sikifanso_args["$path $w"]+set} ]] && pending=$w
        elif [[ " ${_sikifanso_subs[$path]} " == *" $w "* ]]; then
            path="$path $w"; npos=0
        else
            ((npos++))
        fi
    done
    local kind="" prefix=""
    if [[ -n $pending ]]; then
        kind=${_sikifanso_args["$path $pending"]}
    elif [[ $cur == -* ]]; then
        _sikifanso_filter "$cur" "" ${_sikifanso_opts[$path]}
        return
    else
        _sikifanso_filter "$cur" "" ${_sikifanso_subs[$path]}
        kind=${_sikifanso_args["$path #$npos"]-${_sikifanso_args["$path #+"]}}
    fi
    [[ -z $kind ]] && return
    if [[ $kind == *,split ]]; then # a comma-separated list: complete the item after the last comma
        kind=${kind%,split}
        if [[ $cur == *,* ]]; then prefix=${cur%,*},; cur=${cur##*,}; fi
    fi
    if [[ $kind == words:* ]]; then
        _sikifanso_filter "$cur" "$prefix" ${kind#words:}
    else
        _sikifanso_found=()
        _sikifanso_names "$kind" "$cluster"
        _sikifanso_filter "$cur" "$prefix" "${_sikifanso_found[@]}"
    fi
}

_sikifanso_print() { # WORD... : the candidates, one a line (for shells that run this through bash)
    _sikifanso_candidates "$@"
    ((${#_sikifanso_reply[@]} == 0)) || printf '%s\n' "${_sikifanso_reply[@]}"
}
