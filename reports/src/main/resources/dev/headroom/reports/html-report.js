(function(){
  var form=document.getElementById('filters');
  if(!form){return;}
  form.hidden=false;
  function apply(){
    var off={};
    var boxes=form.querySelectorAll('input[type=checkbox]');
    for(var i=0;i<boxes.length;i++){if(!boxes[i].checked){off[boxes[i].name+':'+boxes[i].value]=true;}}
    var rows=document.querySelectorAll('li.finding');
    for(var j=0;j<rows.length;j++){var r=rows[j];
      r.hidden=!!(off['rule:'+r.getAttribute('data-rule')]||off['severity:'+r.getAttribute('data-severity')]);}
  }
  form.addEventListener('change',apply);
  apply();
})();
