@NM@/sass/sass.js
--no-source-map
--style=expanded
styles.scss
