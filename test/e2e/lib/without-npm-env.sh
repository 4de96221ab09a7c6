# Sourced: unsets what a calling `npm run` exports (npm_config_*, npm_package_*, npm_lifecycle_*,
# npm_execpath, npm_node_execpath, NODE, INIT_CWD ...), so that an npm started afterwards reads only its
# own configuration files and the `node` on PATH, exactly as when it is started from a shell.
# Kept: how to reach a registry (mirror, proxy, CA), which a machine may set only in its environment and
# which say nothing about the calling Node.
for _name in $(compgen -e); do
  case $_name in
    npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_proxy | npm_config_https_proxy | \
      npm_config_noproxy | npm_config_strict_ssl) ;;
    npm_* | NODE | INIT_CWD) unset "$_name" ;;
  esac
done
unset _name
