# Shared by scripts/deploy-test and scripts/release-test (source it after scripts/lib/demo-server.sh):
#   nginx_prepare DIR            nginx installed (apt when missing), a throwaway self-signed certificate in DIR/tls
#   nginx_config DIR SITE        DIR/nginx.conf: a main configuration that includes SITE, everything under DIR
#   nginx_site DIR [HTTP HTTPS UPSTREAM]
#                                DIR/site.conf: deploy/nginx-gandan.conf with the certificate and log paths in DIR;
#                                with ports, also listening on 127.0.0.1:HTTP/HTTPS in front of 127.0.0.1:UPSTREAM
nginx_bin=/usr/sbin/nginx

nginx_prepare() {
    local dir="$1"
    if [ ! -x "$nginx_bin" ]; then
        # Debian starts a freshly installed nginx on port 80 where no systemd runs (CI containers): a policy-rc.d
        # that refuses service starts keeps the test from leaving one behind.
        local policy=/usr/sbin/policy-rc.d made=0
        if [ ! -e "$policy" ] && [ "$(id -u)" -eq 0 ]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made=1
        fi
        apt_ensure nginx openssl || { [ $made -eq 1 ] && rm -f "$policy"; return 1; }
        [ $made -eq 1 ] && rm -f "$policy"
    fi
    command -v openssl >/dev/null || apt_ensure openssl
    mkdir -p "$dir/tls" "$dir/log" "$dir/temp"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=gandan.tinh.example" \
        -keyout "$dir/tls/gandan.key" -out "$dir/tls/gandan.crt" >/dev/null 2>&1 ||
        die "openssl could not make a throwaway certificate"
}

nginx_config() {
    local dir="$1" site="$2"
    cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/log/error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $site;
}
CONF
}

nginx_site() {
    local dir="$1" http="${2:-}" https="${3:-}" upstream="${4:-}" shipped="$repo/deploy/nginx-gandan.conf"
    local count
    # Every path the shipped file names must be there to be replaced: a renamed one fails here, not silently.
    for pattern in '/etc/nginx/tls/gandan.crt' '/etc/nginx/tls/gandan.key' '/var/log/nginx/gandan.access.log' \
        '/var/log/nginx/gandan.error.log' 'listen 80;' 'listen 443 ssl http2;' 'server 127.0.0.1:8080;'; do
        count=$(grep -cF -- "$pattern" "$shipped" || true)
        [ "$count" -eq 1 ] || die "deploy/nginx-gandan.conf names \"$pattern\" $count times (expected once)"
    done
    sed -e "s#/etc/nginx/tls/#$dir/tls/#" -e "s#/var/log/nginx/#$dir/log/#" "$shipped" >"$dir/site.conf"
    if [ -n "$http" ]; then
        sed -i -e "s#listen 80;#listen 127.0.0.1:$http;#" -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https ssl http2;#" \
            -e '/listen \[::\]/d' -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$upstream;#" "$dir/site.conf"
    fi
}
