@NM@/semver/bin/semver.js
-i
prerelease
--preid
rc
1.2.3
