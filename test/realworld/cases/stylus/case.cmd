@NM@/stylus/bin/stylus
--print
styles.styl
