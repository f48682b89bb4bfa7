@NM@/less/bin/lessc
styles.less
