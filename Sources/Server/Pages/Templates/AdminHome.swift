extension PageTemplates {
    static let adminHome = """
    {{#page}}
    <h1>Administration</h1>
    <p>Administrators manage users and sites and read the audit log; they see no patient data.</p>
    <h2>Sites</h2>
    <table id="sites"><thead><tr><th scope="col">Code</th><th scope="col">Name</th></tr></thead>
    <tbody>{{#sites}}<tr><td>{{code}}</td><td>{{name}}</td></tr>{{/sites}}</tbody></table>
    <h2>Users</h2>
    <table id="users"><thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Site</th><th scope="col">Active</th></tr></thead>
    <tbody>{{#users}}<tr><td>{{username}}</td><td>{{role}}</td><td>{{site}}</td><td>{{active}}</td></tr>{{/users}}</tbody></table>
    <p>Users and sites are created with the API (<code>POST /api/v1/users</code>, <code>POST /api/v1/sites</code>) or <code>ossify user add</code>.</p>
    {{/page}}
    """
}
