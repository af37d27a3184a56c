extension PageTemplates {
    /// `/admin`: users (create, activate or deactivate, reset password) and sites (create).
    static let adminHome = """
    {{#page}}
    <h1>Administration</h1>
    <p>Administrators manage users and sites and read the audit log; they see no patient data.</p>
    {{#notice}}<p class="notice" role="status" id="admin-notice">{{.}}</p>{{/notice}}
    <section id="users-section" aria-labelledby="users-title">
    <h2 id="users-title">Users</h2>
    <table id="users"><thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Site</th><th scope="col">Active</th><th scope="col">Actions</th></tr></thead>
    <tbody>{{#users}}<tr id="user-{{id}}"><td>{{username}}</td><td>{{role}}</td><td>{{site}}</td><td>{{active}}</td>
    <td><form method="post" action="/admin/users/{{id}}/active" class="inline">{{>csrf}}<input type="hidden" name="active" value="{{setActive}}"><button type="submit" class="secondary">{{activeLabel}}</button></form>
    <form method="post" action="/admin/users/{{id}}/password" class="inline">{{>csrf}}<label for="reset-{{id}}">New password for {{username}}</label> <input id="reset-{{id}}" name="password" type="password" autocomplete="new-password"> <button type="submit" class="secondary">Reset password</button></form></td></tr>
    {{/users}}</tbody></table>
    <h3 id="new-user-title">New user</h3>
    {{#userErrors}}<p class="notice problem" role="alert">The user was not created: correct the fields marked below.</p>{{/userErrors}}
    <form method="post" action="/admin/users" id="new-user-form" novalidate>
    {{>csrf}}
    {{#userFields}}{{>field}}{{/userFields}}
    <button type="submit" id="create-user">Create user</button>
    </form>
    </section>
    <section id="sites-section" aria-labelledby="sites-title">
    <h2 id="sites-title">Sites</h2>
    <table id="sites"><thead><tr><th scope="col">Code</th><th scope="col">Name</th></tr></thead>
    <tbody>{{#sites}}<tr><td>{{code}}</td><td>{{name}}</td></tr>{{/sites}}</tbody></table>
    <h3>New site</h3>
    {{#siteErrors}}<p class="notice problem" role="alert">The site was not created: correct the fields marked below.</p>{{/siteErrors}}
    <form method="post" action="/admin/sites" id="new-site-form" novalidate>
    {{>csrf}}
    {{#siteFields}}{{>field}}{{/siteFields}}
    <button type="submit" id="create-site">Create site</button>
    </form>
    </section>
    <p><a href="/admin/audit">Read the audit log</a></p>
    {{/page}}
    """

    /// `/admin/audit`: the audit log, newest first, with filters (no before and after images).
    static let auditLog = """
    {{#page}}
    <h1>Audit log</h1>
    {{#hasProblems}}<div class="notice problem" role="alert"><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    <form method="get" action="/admin/audit" class="filters" id="audit-filters">
    {{#filters}}{{>field}}{{/filters}}
    <button type="submit">Filter</button> <a href="/admin/audit">Clear</a>
    </form>
    <p id="audit-count">{{summary}}</p>
    <table id="audit"><thead><tr><th scope="col">#</th><th scope="col">When (UTC)</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Entity</th><th scope="col">Record</th><th scope="col">Patient</th></tr></thead>
    <tbody>{{#entries}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{username}}</td><td>{{action}}</td><td>{{entity}}</td><td>{{record}}</td><td>{{patient}}</td></tr>
    {{/entries}}</tbody></table>
    <nav class="pager" aria-label="Pages">{{#previous}}<a href="{{.}}" rel="prev">Previous page</a>{{/previous}}{{#next}}<a href="{{.}}" rel="next">Next page</a>{{/next}}</nav>
    {{/page}}
    """
}
