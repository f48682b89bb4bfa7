const  x= {a:1,b:[1,2,3],
  c:function(){return "str"}, 'd-e' : `t${1+2}`}
function  long(aaaaaaaaaaaa, bbbbbbbbbbbbbb, cccccccccccccccc, ddddddddddddddd, eeeeeeeeeeeee) { if(aaaaaaaaaaaa){return bbbbbbbbbbbbbb} else return null }
const p = new Promise(r=>r(1)).then(v=>v*2).then(v=>console.log(v)).catch(e=>{ throw e })
