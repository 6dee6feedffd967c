/// The style sheet and script of the HTML report, inlined so that the report is one file.
enum HTMLAssets {
    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#212121;background:#fafafa}
        header{background:#263238;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}
        header .meta{color:#cfd8dc}main{padding:8px 24px 40px;max-width:1200px}
        section{background:#fff;border:1px solid #e0e0e0;border-radius:6px;margin:16px 0;padding:12px 16px}
        h2{font-size:17px;margin:4px 0 12px}.overview{display:flex;gap:32px;align-items:center;flex-wrap:wrap}.counts{max-width:560px}
        .meta{color:#616161;font-size:12.5px}.warning{color:#b71c1c}
        .donut .rate{font-size:26px;font-weight:600}.donut .caption{font-size:12px;fill:#616161}
        .bars{max-width:860px}.bars .label,.bars .value{font-size:12px;fill:#37474f}td code{white-space:nowrap}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eeeeee;vertical-align:top}
        table.summary{width:auto}table.summary td:last-child{text-align:right;font-variant-numeric:tabular-nums}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;white-space:nowrap}
        .compliant{background:#2e7d32}.noncompliant{background:#c62828}.notapplicable{background:#9e9e9e}.error{background:#6a1b9a}
        .filters{display:flex;gap:16px;flex-wrap:wrap;margin-bottom:8px}.filters label{font-size:12.5px;color:#424242}
        select,input{font:inherit;padding:3px 6px}code{font:12px ui-monospace,Menlo,Consolas,monospace}
        details summary{cursor:pointer;color:#1565c0}.steps{margin:4px 0 0;padding-left:16px}.steps li{margin:2px 0}
        .path{color:#616161}button{font:inherit;padding:4px 12px}
        """

    static let script = """
        (function(){
        var data=JSON.parse(document.getElementById('data').textContent);
        var pageSize=200,shown=pageSize,rows=[];
        var body=document.querySelector('#findings tbody');
        var styles={COMPLIANT:'compliant',NON_COMPLIANT:'noncompliant',NOT_APPLICABLE:'notapplicable',ERROR:'error'};
        function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined)e.textContent=text;return e;}
        function value(id){return document.getElementById(id).value;}
        function filter(){
          var verdict=value('verdict'),rule=value('rule'),type=value('type'),search=value('search').toLowerCase();
          rows=data.findings.filter(function(f){
            if(verdict&&f.v!==verdict)return false;
            if(rule&&data.rules[f.r].id!==rule)return false;
            if(type&&f.t!==type)return false;
            if(search){var text=(f.id+' '+(f.n||'')+' '+f.m).toLowerCase();if(text.indexOf(search)<0)return false;}
            return true;});
          shown=pageSize;render();}
        function render(){
          body.textContent='';
          rows.slice(0,shown).forEach(function(f){
            var tr=el('tr');
            var verdict=el('td');verdict.appendChild(el('span','badge '+styles[f.v],f.v));tr.appendChild(verdict);
            var rule=el('td');rule.appendChild(el('code',null,data.rules[f.r].id));rule.appendChild(el('div','meta',data.rules[f.r].severity));tr.appendChild(rule);
            var resource=el('td');resource.appendChild(el('div',null,f.t));resource.appendChild(el('code',null,f.id));
            if(f.n&&f.n!==f.id)resource.appendChild(el('div','meta',f.n));if(f.l)resource.appendChild(el('div','meta',f.l));tr.appendChild(resource);
            tr.appendChild(el('td',null,f.a+(f.g?' · '+f.g:'')));
            var why=el('td');why.appendChild(el('div',null,f.m));
            if(f.x){var details=el('details');details.appendChild(el('summary',null,'explanation ('+f.x.c+')'));
              var list=el('ul','steps');f.x.s.forEach(function(s){var li=el('li');li.appendChild(el('code',null,s[0]+' = '+s[1]));
                if(s[2])li.appendChild(el('span','path',' \\u2190 '+s[2]));list.appendChild(li);});
              details.appendChild(list);why.appendChild(details);}
            tr.appendChild(why);body.appendChild(tr);});
          document.getElementById('shown').textContent='Showing '+Math.min(shown,rows.length)+' of '+rows.length+' findings.';
          document.getElementById('more').style.display=shown<rows.length?'':'none';}
        ['verdict','rule','type'].forEach(function(id){document.getElementById(id).addEventListener('change',filter);});
        document.getElementById('search').addEventListener('input',filter);
        document.getElementById('more').addEventListener('click',function(){shown+=pageSize;render();});
        filter();})();
        """
}
