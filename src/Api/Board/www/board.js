// The read-only board: every number comes from the Funds JSON API with the reader's bearer token.
(function () {
  'use strict';

  var STATUS = {
    NotDue: '未到期', OnTrack: '正常推进', AtRisk: '临期预警', Missed: '逾期未完成', MetOnTime: '按期完成', MetLate: '逾期完成'
  };
  var STATUS_ORDER = ['Missed', 'AtRisk', 'MetLate', 'OnTrack', 'NotDue', 'MetOnTime'];
  var STATUS_COLOR = { NotDue: '#9aa5b1', OnTrack: '#3b82c4', AtRisk: '#e8a317', Missed: '#d64545', MetOnTime: '#3f9e4d', MetLate: '#8e6bbf' };
  var PROJECT_STATUS = {
    Registered: '已登记', Approved: '已批复', BuilderSelected: '已确定施工单位', UnderConstruction: '在建', Completed: '已完工',
    Rectifying: '整改中', Accepted: '已验收', Settled: '已结算', Cancelled: '已取消', InOperation: '运营中'
  };
  var KIND = { Infrastructure: '基础设施', Industry: '产业' };
  var CATEGORY = {
    'power-grid': '电网', road: '道路', 'drinking-water': '饮水', broadband: '宽带', 'housing-renovation': '危房改造',
    'product-base': '一村一品基地', cooperative: '合作社', workshop: '扶贫车间', 'crop-livestock': '种养殖'
  };
  var SOURCE_KIND = {
    SpecialPovertyFund: '财政专项扶贫资金', IntegratedAgriculturalFund: '统筹整合涉农资金', CountyFiscal: '县级财政资金',
    EastWestCooperation: '东西部扶贫协作资金', MicroCredit: '扶贫小额信贷', Social: '社会帮扶资金'
  };
  var ENTRY = { Receipt: '到位', Allocation: '分配', AllocationReduction: '调减', Disbursement: '拨付' };
  var PAYMENT = { Progress: '进度款', Final: '尾款' };
  var ROLE = {
    finance: '县财政局', supervisor: '督查', auditor: '审计', admin: '管理员', 'township-hq': '乡镇指挥部',
    'village-committee': '村两委', 'village-council': '村务监督委员会'
  };
  var EVENT = {
    project_registered: '项目登记', project_approved: '项目批复', builder_selected: '确定施工单位', builder_changed: '更换施工单位',
    construction_started: '开工', construction_completed: '完工', acceptance_signed_off: '村委验收签字', acceptance_refused: '村委拒绝验收',
    project_settled: '结算', project_cancelled: '取消', operating_entity_assigned: '确定经营主体', income_distributed: '收益分配',
    income_distributed_v2: '收益分配', periodic_review_recorded: '回头看', funds_disbursed: '资金拨付', deadline_missed: '逾期督办'
  };

  // Who may read what, as the permissions table (src/Domain/Access/Permissions.cs) grants it: the board asks only
  // for what the token's role may read, and says so where a role sees less.
  var HISTORY_ROLES = ['auditor', 'admin', 'province-auditor'];
  var COUNTY_WIDE = ['finance', 'supervisor', 'auditor', 'admin', 'province-finance', 'province-supervisor', 'province-auditor'];
  function may(roles) { return roles.indexOf(claims(token()).role) >= 0; }
  function unless(roles, path) { return may(roles) ? maybe(path) : Promise.resolve({ forbidden: 403 }); }

  var app = document.getElementById('app');
  var charts = [];
  var TOKEN_KEY = 'funds.board.token';

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function claims(t) {
    try {
      var part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var json = decodeURIComponent(atob(part).split('').map(function (c) { return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2); }).join(''));
      return JSON.parse(json);
    } catch (e) { return {}; }
  }

  function ApiError(status, problem) { this.status = status; this.problem = problem; }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } }).then(function (r) {
      if (r.status === 401) { signOut(); throw new ApiError(401, null); }
      if (!r.ok) return r.json().catch(function () { return null; }).then(function (p) { throw new ApiError(r.status, p); });
      return r.json();
    });
  }

  // A read the role may not make answers 403 (or 404 outside its reach): shown as such, not as a failure.
  function maybe(path) {
    return api(path).catch(function (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return { forbidden: e.status };
      throw e;
    });
  }

  function money(v) { return (Number(v) || 0).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  function esc(s) { return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function day(s) { return s ? String(s).slice(0, 10) : ''; }
  function when(s) {
    if (!s) return '';
    var d = new Date(s);
    var china = new Date(d.getTime() + 8 * 3600 * 1000);
    return china.toISOString().slice(0, 16).replace('T', ' ');
  }
  function status(s) { return '<span class="status s-' + esc(s) + '">' + esc(STATUS[s] || s) + '</span>'; }
  function param(name) { var m = location.hash.match(new RegExp('[?&]' + name + '=([^&]*)')); return m ? decodeURIComponent(m[1]) : ''; }
  function today() { return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); }

  function chart(el, option) {
    var c = echarts.init(el);
    c.setOption(option);
    charts.push(c);
    return c;
  }

  function failed(e) {
    var p = e && e.problem;
    app.innerHTML = '<p class="error" data-error>读取失败 ' + esc(e && e.status || '') + ' ' + esc(p ? (p.detail || p.title) : String(e)) + '</p>';
  }

  // ----- sign-in -----

  function showSignIn() {
    document.getElementById('signin').hidden = false;
    app.innerHTML = '';
    document.getElementById('who').innerHTML = '';
  }

  function signOut() { sessionStorage.removeItem(TOKEN_KEY); showSignIn(); }

  function signedIn(t) {
    sessionStorage.setItem(TOKEN_KEY, t);
    document.getElementById('signin').hidden = true;
    route();
  }

  document.getElementById('devtoken').addEventListener('click', function () {
    var body = { role: document.getElementById('role').value, county: document.getElementById('county').value };
    var township = document.getElementById('township').value.trim();
    if (township) body.township = township;
    fetch('/api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.status === 404) throw new Error('此环境不签发开发令牌，请粘贴令牌。');
        return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || j.title); return j; });
      })
      .then(function (j) { signedIn(j.accessToken); })
      .catch(function (e) { document.getElementById('signin-error').textContent = e.message; });
  });
  document.getElementById('usetoken').addEventListener('click', function () {
    var t = document.getElementById('token').value.trim();
    if (t) signedIn(t);
  });

  function who() {
    var c = claims(token());
    var el = document.getElementById('who');
    el.innerHTML = esc((ROLE[c.role] || c.role || '') + ' ' + (c.funds_scope || '') + ' · 县 ' + (c.county || c.province || '')) +
      ' <button type="button" id="signout">退出</button>';
    document.getElementById('signout').addEventListener('click', signOut);
  }

  // ----- routing -----

  function route() {
    if (!token()) { showSignIn(); return; }
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    who();
    var hash = location.hash.replace(/^#/, '') || 'deadlines';
    var name = hash.split(/[/?]/)[0];
    document.querySelectorAll('nav a').forEach(function (a) {
      a.classList.toggle('active', a.getAttribute('data-nav') === name);
      a.hidden = a.getAttribute('data-nav') !== 'deadlines' && !may(COUNTY_WIDE);
    });
    var id = (hash.split('?')[0].split('/')[1]) || '';
    app.innerHTML = '<p class="muted">读取中…</p>';
    var page = { deadlines: deadlines, project: function () { return project(id); }, sources: sources, source: function () { return source(id); }, flow: flow }[name] || deadlines;
    Promise.resolve().then(page).then(function () { document.body.setAttribute('data-ready', name); }).catch(function (e) {
      if (!(e instanceof ApiError && e.status === 401)) failed(e);
      document.body.setAttribute('data-ready', name);
    });
  }

  window.addEventListener('hashchange', function () { document.body.removeAttribute('data-ready'); route(); });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  // ----- deadline board -----

  function deadlines() {
    var asOf = param('asOf') || today();
    var knownAt = param('knownAt');
    var query = 'asOf=' + encodeURIComponent(asOf) + (knownAt ? '&knownAt=' + encodeURIComponent(knownAt + ':00+08:00') : '');
    return api('/api/deadlines/summary?' + query).then(function (s) {
      var cols = ['NotDue', 'OnTrack', 'AtRisk', 'Missed', 'MetOnTime', 'MetLate'];
      var key = function (c) { return c.charAt(0).toLowerCase() + c.slice(1); };
      var cells = function (r) {
        return cols.map(function (c) { var n = r[key(c)]; return '<td class="count ' + (n ? 's-' + c : 'zero') + '">' + n + '</td>'; }).join('') +
          '<td class="num"><b>' + r.total + '</b></td>';
      };
      app.innerHTML =
        '<h2>截止日期看板 <small>deadline board · 6月30日 / 9月30日</small></h2>' +
        '<form class="bar" id="when">' +
        '<label>业务日期（截至）<small>asOf</small> <input type="date" name="asOf" value="' + esc(asOf) + '"></label>' +
        '<label>已知时点（记录于）<small>knownAt</small> <input type="datetime-local" name="knownAt" value="' + esc(knownAt) + '"></label>' +
        '<button type="submit">查看</button>' +
        '<span class="chips">常用：<button type="button" data-day="2019-07-01">2019-07-01</button><button type="button" data-day="2019-10-01">2019-10-01</button>' +
        '<button type="button" data-known="2019-07-01T23:59">2019-07-01 当晚已知</button></span></form>' +
        '<p class="legend">' + cols.map(function (c) { return status(c); }).join(' ') + '</p>' +
        '<p>截至 <b data-as-of>' + esc(s.asOf) + '</b>' + (s.knownAt ? '，按 <b>' + esc(when(s.knownAt)) + '</b>（北京时间）已记录的事实' : '，按现在已记录的全部事实') +
        '；共 <b data-total>' + s.totals.total + '</b> 项截止要求，逾期未完成 <b data-missed>' + s.totals.missed + '</b> 项。点击乡镇查看村和项目。</p>' +
        '<div class="chart" id="by-township"></div>' +
        '<table id="townships"><thead><tr><th>乡镇 township</th>' + cols.map(function (c) { return '<th class="num">' + STATUS[c] + '<br><small>' + c + '</small></th>'; }).join('') +
        '<th class="num">合计 total</th></tr></thead><tbody>' +
        s.byTownship.map(function (r) { return '<tr class="clickable" data-township="' + esc(r.township) + '"><td>' + esc(r.township) + '</td>' + cells(r) + '</tr>' +
          '<tr class="detail" hidden><td colspan="8"></td></tr>'; }).join('') +
        '<tr><th>合计</th>' + cells(s.totals) + '</tr></tbody></table>' +
        '<h3>逾期最久的项目 <small>most overdue</small></h3>' + deadlineTable(s.mostOverdue, true);

      var form = document.getElementById('when');
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var k = form.knownAt.value;
        location.hash = 'deadlines?asOf=' + form.asOf.value + (k ? '&knownAt=' + k : '');
      });
      form.querySelectorAll('[data-day]').forEach(function (b) { b.addEventListener('click', function () { location.hash = 'deadlines?asOf=' + b.getAttribute('data-day'); }); });
      form.querySelectorAll('[data-known]').forEach(function (b) { b.addEventListener('click', function () { var k = b.getAttribute('data-known'); location.hash = 'deadlines?asOf=' + k.slice(0, 10) + '&knownAt=' + k; }); });

      chart(document.getElementById('by-township'), {
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: s.byTownship.map(function (r) { return r.township; }) }, yAxis: { type: 'value', name: '项数' },
        series: cols.map(function (c) { return { name: STATUS[c], type: 'bar', stack: 'all', itemStyle: { color: STATUS_COLOR[c] }, data: s.byTownship.map(function (r) { return r[key(c)]; }) }; })
      });

      document.querySelectorAll('#townships tr[data-township]').forEach(function (tr) {
        tr.addEventListener('click', function () {
          var detail = tr.nextElementSibling;
          if (!detail.hidden) { detail.hidden = true; return; }
          detail.hidden = false;
          var cell = detail.firstElementChild;
          cell.innerHTML = '<span class="muted">读取中…</span>';
          api('/api/deadlines?' + query + '&township=' + encodeURIComponent(tr.getAttribute('data-township')) + '&pageSize=1000').then(function (b) {
            cell.innerHTML = villages(b.items);
          }).catch(function (e) { cell.innerHTML = '<span class="error">' + esc(e.status) + '</span>'; });
        });
      });
    });
  }

  // township → village → project, each project coloured by its most pressing deadline
  function villages(items) {
    var byVillage = {};
    items.forEach(function (d) {
      var v = byVillage[d.village] = byVillage[d.village] || {};
      var p = v[d.projectId] = v[d.projectId] || { name: d.project, statuses: [] };
      p.statuses.push(d.status);
    });
    return Object.keys(byVillage).sort().map(function (v) {
      var projects = byVillage[v];
      return '<div class="village"><h4>' + esc(v) + '</h4>' + Object.keys(projects).map(function (id) {
        var p = projects[id];
        var worst = STATUS_ORDER.filter(function (s) { return p.statuses.indexOf(s) >= 0; })[0];
        return '<a class="project s-' + worst + '" href="#project/' + id + '" title="' + esc(STATUS[worst]) + '">' + esc(p.name) + '</a>';
      }).join('') + '</div>';
    }).join('') || '<span class="muted">无</span>';
  }

  function deadlineTable(rows, withProject) {
    if (!rows.length) return '<p class="muted">无</p>';
    return '<table><thead><tr>' + (withProject ? '<th>项目</th><th>乡镇 / 村</th>' : '') +
      '<th>规则 rule</th><th>截止日期</th><th>状态</th><th>完成日期</th><th class="num">逾期/超期/剩余天数</th><th>督办</th></tr></thead><tbody>' +
      rows.map(function (d) {
        return '<tr>' + (withProject ? '<td><a href="#project/' + d.projectId + '">' + esc(d.project) + '</a></td><td>' + esc(d.township) + ' / ' + esc(d.village) + '</td>' : '') +
          '<td>' + esc(d.rule) + '</td><td>' + esc(d.due) + '</td><td>' + status(d.status) + '</td><td>' + esc(d.metOn || '') + '</td>' +
          '<td class="num">' + esc(d.daysLate != null ? '逾期 ' + d.daysLate : d.daysOverdue != null ? '超期 ' + d.daysOverdue : d.daysLeft != null ? '剩 ' + d.daysLeft : '') + '</td>' +
          '<td>' + (d.escalated ? '已督办' : '') + '</td></tr>';
      }).join('') + '</tbody></table>';
  }

  // ----- project -----

  function project(id) {
    return Promise.all([
      api('/api/projects/' + id), maybe('/api/projects/' + id + '/deadlines'), maybe('/api/projects/' + id + '/trail?pageSize=1000'),
      unless(HISTORY_ROLES, '/api/projects/' + id + '/history?pageSize=1000'), unless(HISTORY_ROLES, '/api/projects/' + id + '/integrity')
    ]).then(function (r) {
      var p = r[0], dl = r[1], trail = r[2], history = r[3], integrity = r[4];
      var contract = p.builder ? p.builder.contractAmount : null;
      var events = history.forbidden ? stepsOf(p, trail) : history.items.map(function (e) {
        return { what: EVENT[e.type] || e.type, type: e.type, on: e.businessDate, at: e.recordedAt, by: e.actor };
      });
      app.innerHTML =
        '<h2 data-project-name>' + esc(p.name) + ' <small>' + esc(p.township) + ' · ' + esc(p.village) + '</small></h2>' +
        '<div class="cards">' +
        card('状态 status', PROJECT_STATUS[p.status] || p.status) + card('类别', (KIND[p.kind] || p.kind) + ' · ' + (CATEGORY[p.category] || p.category)) +
        card('计划年度', p.planYear) + card('批复预算（元）', p.approval ? money(p.approval.budget) : '—') +
        card('合同金额（元）', contract != null ? money(contract) : '—') + card('已拨付（元）disbursed', '<span data-disbursed>' + money(p.disbursed) + '</span>') +
        card('数据完整性 integrity', integrity.forbidden ? '<span class="muted">仅审计可见</span>' : integrity.intact ? '<span class="ok" data-intact>哈希链完整 ✓</span>' : '<span class="error">断链 ' + integrity.broken.length + '</span>') +
        '</div>' +
        '<h3>时间线：业务日期与记录时间 <small>business date vs recorded time</small></h3>' +
        (history.forbidden ? '<p class="muted">完整事件历史仅审计角色可见；此处为项目各步骤的业务日期，以及资金流水的记录时间。</p>' : '') +
        '<div class="chart" id="timeline"></div>' +
        '<table><thead><tr><th>事件</th><th>业务日期</th><th>记录时间（北京时间）</th><th>记录人</th></tr></thead><tbody>' +
        events.map(function (e) {
          var late = e.at && e.on && (new Date(e.at) - new Date(e.on + 'T00:00:00+08:00')) / 86400000 > 7;
          return '<tr><td>' + esc(e.what) + '</td><td>' + esc(e.on || '') + '</td><td' + (late ? ' class="late" title="晚于业务日期一周以上记录"' : '') + '>' + esc(when(e.at)) + '</td><td>' +
            esc(e.by ? (ROLE[e.by.role] || e.by.role) + ' ' + e.by.subject : '') + '</td></tr>';
        }).join('') + '</tbody></table>' +
        '<h3>截止要求 <small>deadlines</small></h3>' + (dl.forbidden ? '<p class="muted">此角色不可见</p>' : deadlineTable(dl, false)) +
        '<h3>资金流水 <small>money trail</small></h3>' + (trail.forbidden ? '<p class="muted">此角色不可见</p>' : trailTable(trail));
      var points = events.filter(function (e) { return e.on && e.at; });
      chart(document.getElementById('timeline'), {
        tooltip: { formatter: function (x) { return esc(x.data[2]) + '<br>业务日期 ' + esc(day(x.data[0])) + '<br>记录 ' + esc(when(x.data[1])); } },
        grid: { left: 70, right: 30, top: 30, bottom: 40 },
        xAxis: { type: 'time', name: '业务日期' }, yAxis: { type: 'time', name: '记录时间' },
        series: [{ type: 'scatter', symbolSize: 10, data: points.map(function (e) { return [e.on, e.at, e.what]; }) }]
      });
    });
  }

  function card(label, value) { return '<div class="card">' + esc(label) + '<b>' + value + '</b></div>'; }

  // what a role without the audit history can see: each step's business date, and the trail's recorded times
  function stepsOf(p, trail) {
    var s = [{ what: '项目登记', on: p.registeredOn, by: p.registeredBy }];
    if (p.approval) s.push({ what: '项目批复 ' + p.approval.documentNo, on: p.approval.approvedOn, by: p.approval.recordedBy });
    if (p.builder) s.push({ what: '确定施工单位 ' + p.builder.builder.name, on: p.builder.selectedOn });
    if (p.startedOn) s.push({ what: '开工', on: p.startedOn });
    if (p.firstCompletedOn) s.push({ what: '完工', on: p.firstCompletedOn });
    (p.refusals || []).forEach(function (r) { s.push({ what: '村委拒绝验收：' + r.reasons, on: r.refusedOn, by: r.recordedBy }); });
    if (p.completedOn && p.completedOn !== p.firstCompletedOn) s.push({ what: '整改后再次完工', on: p.completedOn });
    if (p.acceptance) s.push({ what: '村委验收签字', on: p.acceptance.signedOn, by: p.acceptance.recordedBy });
    if (p.settlement) s.push({ what: '结算 ' + money(p.settlement.settledAmount), on: p.settlement.settledOn, by: p.settlement.recordedBy });
    if (p.cancellation) s.push({ what: '取消：' + p.cancellation.reason, on: p.cancellation.cancelledOn, by: p.cancellation.recordedBy });
    if (!trail.forbidden) trail.items.forEach(function (l) { s.push({ what: (ENTRY[l.type] || l.type) + ' ' + money(l.amount) + ' ' + (l.sourceName || ''), on: l.businessDate, at: l.recordedAt, by: l.by }); });
    return s.sort(function (a, b) { return String(a.on).localeCompare(String(b.on)); });
  }

  function trailTable(t) {
    if (!t.items.length) return '<p class="muted">无资金流水</p>';
    return '<p>到位 ' + money(t.received) + ' · 分配 <b>' + money(t.allocated) + '</b> · 拨付 <b data-trail-disbursed>' + money(t.disbursed) + '</b>（元）</p>' +
      '<table><thead><tr><th>类型</th><th>业务日期</th><th>记录时间</th><th>资金来源</th><th>项目</th><th class="num">金额（元）</th><th>收款单位</th><th>凭证号</th>' +
      '<th class="num">累计分配</th><th class="num">累计拨付</th></tr></thead><tbody>' +
      t.items.map(function (l) {
        return '<tr><td>' + esc(ENTRY[l.type] || l.type) + (l.paymentKind ? ' · ' + esc(PAYMENT[l.paymentKind] || l.paymentKind) : '') + '</td><td>' + esc(l.businessDate) + '</td><td>' + esc(when(l.recordedAt)) +
          '</td><td>' + esc(l.sourceName) + '</td><td>' + (l.projectId ? '<a href="#project/' + l.projectId + '">' + esc(l.projectName) + '</a>' : '') + '</td><td class="num">' + money(l.amount) +
          '</td><td>' + esc(l.payeeName || '') + '</td><td>' + esc(l.voucherNo || l.documentRef || '') + '</td><td class="num">' + money(l.runningAllocated) +
          '</td><td class="num">' + money(l.runningDisbursed) + '</td></tr>';
      }).join('') + '</tbody></table>';
  }

  // ----- fund sources -----

  function sources() {
    var asOf = param('asOf') || today();
    if (!may(COUNTY_WIDE)) { app.innerHTML = '<p class="muted">资金来源仅县级角色（财政、督查、审计）可见。</p>'; return; }
    return Promise.all([api('/api/fund-sources?pageSize=200'), maybe('/api/reports/slow-money?asOf=' + asOf)]).then(function (r) {
      var list = r[0].items, slow = r[1];
      var sum = function (f) { return list.reduce(function (a, s) { return a + s[f]; }, 0); };
      app.innerHTML =
        '<h2>资金来源 <small>fund sources: received → allocated → disbursed</small></h2>' +
        '<div class="cards">' + card('到位 received', '<span data-received>' + money(sum('received')) + '</span>') + card('已分配 allocated', '<span data-allocated>' + money(sum('allocated')) + '</span>') +
        card('已拨付 disbursed', '<span data-disbursed>' + money(sum('disbursed')) + '</span>') + card('已分配未拨付', money(sum('allocatedNotDisbursed'))) + card('结余 balance', money(sum('balance'))) + '</div>' +
        '<div class="chart" id="sources-chart"></div>' +
        '<table><thead><tr><th>资金来源</th><th>类别</th><th>年度</th><th>文号</th><th class="num">到位</th><th class="num">已分配</th><th class="num">已拨付</th><th class="num">已分配未拨付</th><th class="num">结余</th></tr></thead><tbody>' +
        list.map(function (s) {
          return '<tr class="clickable" data-source="' + s.id + '"><td><a href="#source/' + s.id + '">' + esc(s.name) + '</a></td><td>' + esc(SOURCE_KIND[s.kind] || s.kind) + '</td><td>' + s.fiscalYear + '</td><td>' + esc(s.documentRef) +
            '</td><td class="num">' + money(s.received) + '</td><td class="num">' + money(s.allocated) + '</td><td class="num">' + money(s.disbursed) + '</td><td class="num">' + money(s.allocatedNotDisbursed) + '</td><td class="num">' + money(s.balance) + '</td></tr>';
        }).join('') + '</tbody></table>' + slowMoney(slow, asOf);
      chart(document.getElementById('sources-chart'), {
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 90, right: 20, top: 40, bottom: 90 },
        xAxis: { type: 'category', data: list.map(function (s) { return s.name; }), axisLabel: { rotate: 30, interval: 0, fontSize: 10 } },
        yAxis: { type: 'value', name: '元' },
        series: [['received', '到位', '#3b82c4'], ['allocated', '已分配', '#e8a317'], ['disbursed', '已拨付', '#3f9e4d']].map(function (x) {
          return { name: x[1], type: 'bar', itemStyle: { color: x[2] }, data: list.map(function (s) { return s[x[0]]; }) };
        })
      });
      document.querySelectorAll('tr[data-source]').forEach(function (tr) { tr.addEventListener('click', function () { location.hash = 'source/' + tr.getAttribute('data-source'); }); });
    });
  }

  function slowMoney(slow, asOf) {
    if (slow.forbidden) return '';
    return '<h3>慢钱：验收到付款、闲置资金 <small>slow money as of ' + esc(asOf) + '</small></h3>' +
      '<p>验收签字到付清平均 <b data-average-days>' + (slow.averageDaysSignOffToPayment == null ? '—' : slow.averageDaysSignOffToPayment) + '</b> 天；分配后超过 ' + slow.idleDaysThreshold + ' 天未拨付的资金 <b>' + slow.idleAllocations.length + '</b> 笔（县政策）。</p>' +
      '<div class="grid2"><table><thead><tr><th>闲置资金 来源 → 项目</th><th class="num">闲置（元）</th><th class="num">天数</th></tr></thead><tbody>' +
      slow.idleAllocations.slice(0, 15).map(function (a) { return '<tr><td>' + esc(a.source) + ' → <a href="#project/' + a.projectId + '">' + esc(a.project) + '</a></td><td class="num">' + money(a.idle) + '</td><td class="num">' + a.idleDays + '</td></tr>'; }).join('') +
      '</tbody></table><table><thead><tr><th>验收后未及时付款的项目</th><th>验收签字</th><th>付清</th><th class="num">天数</th></tr></thead><tbody>' +
      slow.signOffToPayment.slice(0, 15).map(function (x) { return '<tr><td><a href="#project/' + x.projectId + '">' + esc(x.project) + '</a> <small>' + esc(x.township) + '</small></td><td>' + esc(x.signedOn) + '</td><td>' + esc(x.finalPaidOn || '未付清') + '</td><td class="num">' + x.days + '</td></tr>'; }).join('') +
      '</tbody></table></div>';
  }

  function source(id) {
    return Promise.all([api('/api/fund-sources/' + id), maybe('/api/fund-sources/' + id + '/trail?pageSize=1000')]).then(function (r) {
      var s = r[0], trail = r[1];
      app.innerHTML = '<p><a href="#sources">← 资金来源</a></p><h2 data-source-name>' + esc(s.name) + ' <small>' + esc(SOURCE_KIND[s.kind] || s.kind) + ' · ' + s.fiscalYear + ' · ' + esc(s.documentRef) + '</small></h2>' +
        '<div class="cards">' + card('到位 received', '<span data-received>' + money(s.received) + '</span>') + card('已分配 allocated', money(s.allocated)) + card('未分配', money(s.unallocated)) +
        card('已拨付 disbursed', '<span data-disbursed>' + money(s.disbursed) + '</span>') + card('已分配未拨付', money(s.allocatedNotDisbursed)) + card('结余 balance', money(s.balance)) + '</div>' +
        '<div class="chart" id="funnel"></div>' +
        '<h3>分配到项目 <small>allocations</small></h3><table><thead><tr><th>项目</th><th>首次分配</th><th class="num">已分配</th><th class="num">已拨付</th><th class="num">未拨付</th></tr></thead><tbody>' +
        s.allocations.map(function (a) { return '<tr><td><a href="#project/' + a.projectId + '">' + esc(a.projectName) + '</a></td><td>' + esc(a.firstAllocatedOn) + '</td><td class="num">' + money(a.allocated) + '</td><td class="num">' + money(a.disbursed) + '</td><td class="num">' + money(a.allocatedNotDisbursed) + '</td></tr>'; }).join('') +
        '</tbody></table><h3>资金流水 <small>trail</small></h3>' + (trail.forbidden ? '<p class="muted">此角色不可见</p>' : trailTable(trail));
      chart(document.getElementById('funnel'), {
        tooltip: { trigger: 'item', formatter: function (x) { return esc(x.name) + ' ' + money(x.value) + ' 元'; } },
        series: [{ type: 'funnel', sort: 'none', left: '15%', width: '70%', label: { formatter: function (x) { return x.name + '\n' + money(x.value); } },
          data: [{ name: '到位', value: s.received, itemStyle: { color: '#3b82c4' } }, { name: '已分配', value: s.allocated, itemStyle: { color: '#e8a317' } }, { name: '已拨付', value: s.disbursed, itemStyle: { color: '#3f9e4d' } }] }]
      });
    });
  }

  // ----- fund flow -----

  function flow() {
    var year = param('year');
    if (!may(COUNTY_WIDE)) { app.innerHTML = '<p class="muted">资金流向仅县级角色（财政、督查、审计）可见。</p>'; return; }
    return api('/api/reports/fund-flow' + (year ? '?year=' + encodeURIComponent(year) : '')).then(function (f) {
      app.innerHTML = '<h2>资金流向 <small>fund flow: sources → townships → projects → payees</small></h2>' +
        '<form class="bar" id="year"><label>年度（按拨付日期）<input type="number" name="year" min="2000" max="2100" value="' + f.year + '"></label><button type="submit">查看</button></form>' +
        '<p><b data-flow-year>' + f.year + '</b> 年共拨付 <b data-flow-disbursed>' + money(f.disbursed) + '</b> 元，<b data-flow-payments>' + f.payments + '</b> 笔。拨付最多的项目单列，其余按乡镇合并。</p>' +
        (f.links.length ? '<div class="chart tall" id="sankey"></div>' : '<p class="muted">该年度无拨付。</p>');
      var form = document.getElementById('year');
      form.addEventListener('submit', function (ev) { ev.preventDefault(); location.hash = 'flow?year=' + form.year.value; });
      if (!f.links.length) return;
      var colors = { source: '#3b82c4', township: '#e8a317', project: '#3f9e4d', payee: '#8e6bbf' };
      var c = chart(document.getElementById('sankey'), {
        animation: false,
        tooltip: { trigger: 'item', formatter: function (x) { return x.dataType === 'edge' ? esc(x.data.source) + ' → ' + esc(x.data.target) + '<br>' + money(x.data.value) + ' 元' : esc(x.name); } },
        series: [{ type: 'sankey', left: 10, right: 160, top: 10, bottom: 10, nodeGap: 6, emphasis: { focus: 'adjacency' }, label: { fontSize: 11 },
          lineStyle: { color: 'gradient', opacity: 0.4 },
          data: f.nodes.map(function (n) { return { name: n.name, kind: n.kind, ref: n.id, itemStyle: { color: colors[n.kind] } }; }), // ECharts links nodes by name unless they have an id
          links: f.links.map(function (l) { return { source: l.source, target: l.target, value: l.value }; }) }]
      });
      c.on('click', function (x) {
        if (x.dataType !== 'node' || !x.data.ref) return;
        if (x.data.kind === 'project') location.hash = 'project/' + x.data.ref;
        if (x.data.kind === 'source') location.hash = 'source/' + x.data.ref;
      });
    });
  }

  route();
})();
