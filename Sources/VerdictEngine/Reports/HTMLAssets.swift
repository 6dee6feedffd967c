/// The style sheet and script of the HTML report, inlined so that the report is one file.
enum HTMLAssets {
    /// The findings table has a fixed layout with set column widths, and long ids, paths
    /// and explanation steps wrap anywhere, so that the table fits its section at 1280
    /// pixels and the browser need not measure every row.
    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#212121;background:#fafafa}
        header{background:#263238;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}
        header .meta{color:#cfd8dc}main{padding:8px 24px 40px;max-width:1200px}
        section{background:#fff;border:1px solid #e0e0e0;border-radius:6px;margin:16px 0;padding:12px 16px}
        h2{font-size:17px;margin:4px 0 12px}.overview{display:flex;gap:32px;align-items:center;flex-wrap:wrap}.counts{max-width:560px}
        .meta{color:#616161;font-size:12.5px}.warning{color:#b71c1c}
        .donut .rate{font-size:26px;font-weight:600}.donut .caption{font-size:12px;fill:#616161}
        .bars{max-width:860px}.bars .label,.bars .value{font-size:12px;fill:#37474f}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eeeeee;vertical-align:top;overflow-wrap:anywhere}
        table.summary{width:auto}table.summary td:last-child{text-align:right;font-variant-numeric:tabular-nums}
        #findings{table-layout:fixed}col.verdict{width:136px}col.rule{width:18%}col.resource{width:20%}col.place{width:160px}
        table.problems td:first-child{width:40%}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;white-space:nowrap}
        .compliant{background:#2e7d32}.noncompliant{background:#c62828}.notapplicable{background:#9e9e9e}.error{background:#6a1b9a}
        .filters{display:flex;gap:16px;flex-wrap:wrap;margin-bottom:8px}.filters label{font-size:12.5px;color:#424242}
        select,input{font:inherit;padding:3px 6px}#search{width:18em}code{font:12px ui-monospace,Menlo,Consolas,monospace}
        details summary{cursor:pointer;color:#1565c0}.steps{margin:4px 0 0;padding-left:16px}.steps li{margin:2px 0}
        .path{color:#616161}button{font:inherit;padding:4px 12px}
        """

    /// Shows every row when scripts do not run, and hides the controls that need them.
    static let styleWithoutScript = "#findings tr[hidden]{display:table-row}.filters,#shown,#more{display:none}"

    /// Filters and pages the table rows that the page already contains. The search text
    /// of each row is read once, on the first search.
    static let script = """
        (function(){
        var table=document.getElementById('findings');
        var rows=Array.prototype.slice.call(table.tBodies[0].rows);
        var pageSize=Number(table.getAttribute('data-page-size')),shown=pageSize,texts=null;
        function value(id){return document.getElementById(id).value;}
        function count(n,noun){return n+' '+noun+(n===1?'':'s');}
        function searchText(i){
          if(!texts)texts=rows.map(function(r){return (r.cells[2].textContent+' '+r.cells[4].firstChild.textContent).toLowerCase();});
          return texts[i];}
        function render(){
          var verdict=value('verdict'),rule=value('rule'),type=value('type'),search=value('search').toLowerCase(),matched=0;
          rows.forEach(function(row,i){
            var match=(!verdict||row.getAttribute('data-verdict')===verdict)&&(!rule||row.getAttribute('data-rule')===rule)
              &&(!type||row.getAttribute('data-type')===type)&&(!search||searchText(i).indexOf(search)>=0);
            if(match)matched++;
            var hide=!match||matched>shown;
            if(row.hidden!==hide)row.hidden=hide;});
          document.getElementById('shown').textContent='Showing '+Math.min(shown,matched)+' of '+count(matched,'finding')+'.';
          document.getElementById('more').hidden=shown>=matched;}
        function filter(){shown=pageSize;render();}
        ['verdict','rule','type'].forEach(function(id){document.getElementById(id).addEventListener('change',filter);});
        document.getElementById('search').addEventListener('input',filter);
        document.getElementById('more').addEventListener('click',function(){shown+=pageSize;render();});
        render();})();
        """
}
