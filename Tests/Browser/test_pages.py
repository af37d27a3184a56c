#!/usr/bin/env python3
"""End-to-end test of Ossify's pages in headless Chromium (Selenium), run by scripts/ci.d/60-browser.sh.

The server is already running at OSSIFY_E2E_URL with the accounts e2e-admin, e2e-clinician and
e2e-researcher (password OSSIFY_E2E_PASSWORD). Every page visited is saved as a PNG under
OSSIFY_E2E_SCREENSHOTS (.build/screenshots/). Steps run in order and stop at the first failure, which
is reported with the step's name, the page address and a screenshot named failed-<step>.png.
Nothing is skipped: a page the flow needs that is missing fails its step with a clear message.
"""
import base64
import json
import os
import re
import sys
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = os.environ.get("OSSIFY_E2E_URL", "http://127.0.0.1:8080").rstrip("/")
PASSWORD = os.environ["OSSIFY_E2E_PASSWORD"]
SHOTS = os.environ.get("OSSIFY_E2E_SCREENSHOTS", ".build/screenshots")


class StepFailed(Exception):
    pass


class Browser:
    def __init__(self):
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("OSSIFY_E2E_CHROMIUM", "/usr/bin/chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,1024", "--force-device-scale-factor=1", "--lang=en-GB"):
            options.add_argument(arg)
        service = webdriver.ChromeService(executable_path=os.environ.get("OSSIFY_E2E_CHROMEDRIVER", "/usr/bin/chromedriver"))
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(30)
        self.shots = []

    def get(self, path):
        self.driver.get(BASE + path)
        self.ok_status()

    def ok_status(self):
        """Fails on an error page (the server answers problems as text or JSON, pages as HTML)."""
        body = self.text()
        title = self.driver.title or ""
        detail = self.driver.find_elements(By.ID, "error-detail")
        if detail:
            heading = self.driver.find_elements(By.TAG_NAME, "h1")
            raise StepFailed(f"{self.driver.current_url} is an error page: {heading[0].text if heading else ''}: {detail[0].text}")
        for marker in ("404", "Not Found", "500", "Internal Server Error", "403", "Forbidden"):
            if title.strip().startswith(marker) or body.strip().startswith(marker) or body.strip().startswith('{"error'):
                raise StepFailed(f"{self.driver.current_url} is an error page: {body[:200]!r}")
        if not self.driver.find_elements(By.TAG_NAME, "main") and not self.driver.find_elements(By.TAG_NAME, "form"):
            raise StepFailed(f"{self.driver.current_url} is not a page of the application (no <main> or <form>): {body[:200]!r}")

    def text(self):
        try:
            return self.driver.find_element(By.TAG_NAME, "body").text
        except NoSuchElementException:
            return ""

    def html(self):
        return self.driver.page_source

    def shot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        height = self.driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
        self.driver.set_window_size(1280, max(int(height), 800))
        path = os.path.join(SHOTS, f"{len(self.shots) + 1:02d}-{name}.png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 1024)
        self.shots.append(path)
        print(f"   screenshot {path}")

    def shot_element(self, name, element):
        """A screenshot of one element (the body map, a chart) at its drawn size."""
        os.makedirs(SHOTS, exist_ok=True)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        path = os.path.join(SHOTS, f"{len(self.shots) + 1:02d}-{name}.png")
        element.screenshot(path)
        self.shots.append(path)
        print(f"   screenshot {path}")

    def field(self, *names, within=None):
        """The first control whose name is one of `names` (in the form `within`); fails naming them all."""
        scope = within if within is not None else self.driver
        for name in names:
            found = scope.find_elements(By.NAME, name)
            if found:
                return found[0]
        raise StepFailed(f"{self.driver.current_url}: no form field named {' or '.join(names)}")

    def fill(self, value, *names, within=None):
        element = self.field(*names, within=within)
        if element.tag_name == "select":
            select = Select(element)
            options = [o.get_attribute("value") for o in select.options]
            match = next((o for o in options if o == value), None) or next((o for o in options if value.lower() in (o or "").lower()), None)
            if match is None:
                raise StepFailed(f"{self.driver.current_url}: {names[0]} has no option {value!r} (has {options})")
            select.select_by_value(match)
        elif element.get_attribute("type") in ("date", "datetime-local", "month", "time"):
            # Typing into a date control follows the browser's locale; set the ISO value as a date picker would.
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)
            if element.get_attribute("value") != value:
                raise StepFailed(f"{self.driver.current_url}: the date control {names[0]} did not take {value!r}")
        else:
            element.clear()
            element.send_keys(value)
        return element

    def submit(self, element):
        """Submits the form that holds `element` and waits for the next page."""
        form = element.find_element(By.XPATH, "./ancestor::form")
        old = self.driver.find_element(By.TAG_NAME, "html")
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
        # The form's own submit, not a button that posts elsewhere (the variant form's "Read").
        buttons = [x for x in buttons if not x.get_dom_attribute("formaction")] or buttons
        if buttons:
            buttons[0].click()
        else:
            form.submit()
        try:
            WebDriverWait(self.driver, 45).until(lambda _: detached(old))
        except TimeoutException:
            raise StepFailed(f"{self.driver.current_url}: submitting the form did not load a page")
        self.ok_status()

    def form(self, form_id, what):
        """The form `#form_id` of the current page; fails naming it."""
        found = self.driver.find_elements(By.ID, form_id)
        if not found:
            raise StepFailed(f"{self.driver.current_url}: no {what} (#{form_id})")
        return found[0]

    def saved(self, section, pattern, what):
        """The last form was accepted (no problem notice) and `section` now lists `pattern`."""
        problems = [p.text for p in self.driver.find_elements(By.CSS_SELECTOR, ".notice.problem, p.error")]
        if problems:
            raise StepFailed(f"{self.driver.current_url}: {what} was not saved: {problems}")
        found = self.driver.find_elements(By.CSS_SELECTOR, section)
        if not found or not re.search(pattern, found[0].text):
            raise StepFailed(f"{self.driver.current_url}: expected {what} (/{pattern}/) in {section}; it reads "
                             f"{found[0].text[:400] if found else '(no such section)'!r}")

    def expect(self, pattern, what):
        if not re.search(pattern, self.text()):
            raise StepFailed(f"{self.driver.current_url}: expected {what} (/{pattern}/) in the page; it reads: {self.text()[:400]!r}")

    def quit(self):
        self.driver.quit()


def detached(element):
    """Whether `element` has left the document (the next page loaded). Chromedriver answers a node
    of the replaced document either as stale or, racing the navigation, with "Node with given id
    does not belong to the document" (a plain WebDriverException): both mean it is gone."""
    try:
        element.is_enabled()
        return False
    except (StaleElementReferenceException, WebDriverException):
        return True


def sign_in(b, username):
    b.get("/login")
    user = b.fill(username, "username")
    b.fill(PASSWORD, "password")
    b.submit(user)
    if "/login" in b.driver.current_url:
        raise StepFailed(f"signing in as {username} stayed on the sign-in page: {b.text()[:300]!r}")


def sign_out(b):
    buttons = b.driver.find_elements(By.CSS_SELECTOR, "form[action$='logout'] button, form[action$='logout'] input[type=submit]")
    if not buttons:
        raise StepFailed(f"{b.driver.current_url}: no sign-out button (a form posting to .../logout)")
    b.submit(buttons[0])


# The flow. Each step is (name, function); state is shared in `s`.

PSEUDONYM = "E2E-" + time.strftime("%H%M%S")
BIRTH_DATE = "2019-04-17"
HOSTILE_NOTE = "E2E note <script>alert(1)</script>\"><img src=x onerror=alert(2)>"


def inert(b):
    """The hostile note came back as text: no element from it, no dialog."""
    if b.driver.find_elements(By.CSS_SELECTOR, "img[onerror], img[src=x]"):
        raise StepFailed(f"{b.driver.current_url}: a stored note became an <img onerror> element")
    for script in b.driver.find_elements(By.TAG_NAME, "script"):
        if "alert(" in (script.get_attribute("innerHTML") or ""):
            raise StepFailed(f"{b.driver.current_url}: a stored note became a <script> element")
    try:
        alert = b.driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise StepFailed(f"{b.driver.current_url}: a stored note ran a script (dialog {text!r})")
    except StepFailed:
        raise
    except Exception:  # noqa: BLE001 - no dialog open: as it should be
        pass


def step_login_page(b, s):
    b.get("/login")
    b.field("username")
    b.field("password")
    for control in ("login-username", "login-password"):
        if not b.driver.find_elements(By.CSS_SELECTOR, f"label[for={control}]"):
            raise StepFailed(f"/login: the control {control} has no label")
    b.shot("login")


def step_wrong_password(b, s):
    b.get("/login")
    user = b.fill("e2e-clinician", "username")
    b.fill("not the password", "password")
    b.submit(user)
    if "/login" not in b.driver.current_url:
        raise StepFailed("a wrong password signed in")
    b.expect(r"(?i)(not|wrong|incorrect|invalid|unknown)", "a refusal message")
    b.shot("login-refused")


def step_clinician_signs_in(b, s):
    sign_in(b, "e2e-clinician")
    b.get("/")
    b.expect(r"e2e-clinician", "the signed-in user")
    b.shot("patients-empty")


def step_new_patient(b, s):
    b.get("/patients/new")
    b.shot("patient-new")
    first = b.fill(PSEUDONYM, "pseudonym")
    b.fill(BIRTH_DATE, "birthDate")
    b.fill("female", "sex")
    b.fill("alive", "status")
    b.fill(HOSTILE_NOTE, "notes")
    b.submit(first)
    match = re.search(r"/patients/(\d+)$", b.driver.current_url)
    if not match:
        raise StepFailed(f"saving the new patient did not open its page: {b.driver.current_url} reads {b.text()[:400]!r}")
    s["patient"] = match.group(1)
    b.expect(re.escape(PSEUDONYM), "the pseudonym in the header")
    inert(b)
    b.shot("patient-page-new")


def step_add_visit(b, s):
    b.get(f"/patients/{s['patient']}")
    form = b.form("add-visit-form", "add-visit form")
    date = b.fill("2024-03-12", "date", within=form)
    b.fill("baseline", "kind", within=form)
    b.fill("E2E visit note", "notes", within=form)
    b.submit(date)
    match = re.search(r"/visits/(\d+)", b.driver.current_url)
    if not match:
        raise StepFailed(f"adding the visit did not open the visit page: {b.driver.current_url} reads {b.text()[:400]!r}")
    s["visit"] = match.group(1)
    b.expect(r"2024-03-12", "the visit date")
    b.shot("visit")


def step_lesion_by_body_map(b, s):
    b.get(f"/visits/{s['visit']}")
    form = b.form("add-lesions-form", "lesion form")
    selector = 'svg.bodymap a[data-region="forearm"][data-side="left"][data-view="front"]'
    regions = b.driver.find_elements(By.CSS_SELECTOR, selector)
    if not regions:
        raise StepFailed(f"the visit page has no body map with the left forearm ({selector})")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", regions[0])
    b.shot("visit-body-map")
    # Keyboard: the regions are in the tab order; Space on one fills the form as a click does.
    hand = b.driver.find_element(By.CSS_SELECTOR, 'svg.bodymap a[data-region="hand"][data-side="right"][data-view="back"]')
    b.driver.execute_script("arguments[0].focus()", hand)
    if b.driver.switch_to.active_element != hand:
        raise StepFailed("the right hand of the back view cannot take the keyboard focus")
    outline = b.driver.execute_script(
        "var p = arguments[0].firstElementChild.nextElementSibling; return getComputedStyle(p).strokeWidth", hand)
    if float(str(outline).rstrip("px") or 0) < 3:
        raise StepFailed(f"the focused region has no visible focus ring (stroke width {outline})")
    hand.send_keys(Keys.SPACE)
    got = (form.find_element(By.NAME, "region").get_attribute("value"), form.find_element(By.NAME, "side").get_attribute("value"),
           form.find_element(By.NAME, "surface").get_attribute("value"))
    if got != ("hand", "right", "posterior"):
        raise StepFailed(f"Space on the right hand (back) filled region/side/surface={got}, not hand/right/posterior")
    if f"/visits/{s['visit']}" not in b.driver.current_url:
        raise StepFailed(f"Space on a region left the page: {b.driver.current_url}")
    print(f"   keyboard: Space on the right hand filled {got}; focused stroke width {outline}")
    regions = b.driver.find_elements(By.CSS_SELECTOR, selector)
    regions[0].click()
    region = form.find_element(By.NAME, "region").get_attribute("value")
    side = form.find_element(By.NAME, "side").get_attribute("value")
    if (region, side) != ("forearm", "left"):
        raise StepFailed(f"clicking the left forearm filled region={region!r} side={side!r}, not forearm/left")
    if b.driver.find_elements(By.CSS_SELECTOR, "svg.bodymap a.is-selected[data-region=forearm]") == []:
        raise StepFailed("the clicked region is not marked selected")
    b.shot("visit-body-map-selected")
    b.fill("E2E-L1", "lesionId", within=form)
    b.fill("20", "percentOfRegion", within=form)
    b.fill("fascia", "depth", within=form)
    b.fill("plaque", "morphology", within=form)
    b.submit(form.find_element(By.NAME, "lesionId"))
    b.saved("#visit-parts", r"(?i)forearm", "the lesion")
    region = b.driver.find_elements(By.CSS_SELECTOR, 'svg.bodymap a[data-region="forearm"][data-side="left"][data-view="front"]')
    if not region or "depth-fascia" not in (region[0].get_attribute("class") or ""):
        raise StepFailed("after saving, the body map does not draw the left forearm with the fascia style")
    label = region[0].get_attribute("aria-label") or ""
    if "fascia" not in label:
        raise StepFailed(f"the left forearm's label does not name the depth: {label!r}")
    b.shot_element("visit-body-map-after", b.driver.find_element(By.CSS_SELECTOR, "svg.bodymap"))
    b.shot("visit-lesion-added")


def step_add_lab(b, s):
    b.get(f"/visits/{s['visit']}")
    form = b.form("add-measurements-form", "lab form")
    loinc = form.find_element(By.NAME, "loinc")
    if loinc.tag_name == "select":
        options = Select(loinc).options
        calcium = next((o for o in options if "calcium" in o.text.lower()), None)
        if calcium is None:
            raise StepFailed(f"the analyte list has no calcium: {[o.text for o in options][:20]}")
        Select(loinc).select_by_value(calcium.get_attribute("value"))
    else:
        loinc.send_keys("17861-6")
    b.fill("11.9", "value", within=form)
    b.fill("mg/dL", "unit", within=form)
    b.submit(loinc)
    b.saved("#visit-parts", r"(?i)calcium.*\n?.*high", "the calcium result, flagged high")
    b.shot("visit-lab-added")


def step_add_variant(b, s):
    b.get(f"/visits/{s['visit']}")
    form = b.form("add-variants-form", "variant form")
    b.fill("GNAS", "gene", within=form)
    hgvs = b.fill("NM_000516.7:c.565C>T", "hgvs", within=form)
    b.fill("paternal", "parentOfOrigin", within=form)
    read = b.driver.find_elements(By.ID, "read-hgvs")
    if read:
        old = b.driver.find_element(By.TAG_NAME, "html")
        read[0].click()
        WebDriverWait(b.driver, 15).until(lambda _: detached(old))
        reading = b.driver.find_elements(By.ID, "hgvs-reading")
        if not reading or not reading[0].text.strip():
            raise StepFailed("reading the HGVS expression showed no reading (#hgvs-reading)")
        b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", reading[0])
        b.shot("visit-variant-read")
        hgvs = b.field("hgvs", within=b.form("add-variants-form", "variant form"))
    b.submit(hgvs)
    b.saved("#visit-parts", r"c\.565C>T", "the GNAS variant")
    b.shot("visit-variant-added")


def step_add_phenotypes(b, s):
    # The README's POH example: cutaneous ossification, deep (subcutaneous) heterotopic ossification, short 4th metacarpal.
    for hpo in ("HP:0025027", "HP:0011987", "HP:0009826"):
        b.get(f"/visits/{s['visit']}")
        form = b.form("add-phenotypic-features-form", "phenotype form")
        field = b.fill(hpo, "hpoId", within=form)
        b.fill("false", "excluded", within=form)
        b.submit(field)
        b.saved("#visit-parts", re.escape(hpo), f"the phenotypic feature {hpo}")
    b.shot("visit-phenotypes-added")


def step_autocomplete_by_keyboard(b, s):
    # The HPO autocomplete with the keyboard only: type part of a name, arrow down, Enter picks the id.
    b.get(f"/visits/{s['visit']}")
    form = b.form("add-phenotypic-features-form", "phenotype form")
    field = form.find_element(By.NAME, "hpoId")
    field.click()
    field.send_keys("subcutaneous ossif")
    listbox = b.driver.find_element(By.ID, field.get_attribute("aria-controls"))
    WebDriverWait(b.driver, 10).until(lambda d: listbox.find_elements(By.CSS_SELECTOR, "li[role=option]"))
    if field.get_attribute("aria-expanded") != "true":
        raise StepFailed("the autocomplete list is shown but aria-expanded is not true")
    b.shot("visit-autocomplete")
    field.send_keys(Keys.ARROW_DOWN)
    active = field.get_attribute("aria-activedescendant")
    if not active:
        raise StepFailed("arrow down highlights no option (aria-activedescendant)")
    field.send_keys(Keys.ENTER)
    value = field.get_attribute("value")
    if not re.fullmatch(r"HP:\d{7}", value or ""):
        raise StepFailed(f"Enter did not put the picked term's id in the field: {value!r}")
    print(f"   picked by keyboard: {value}")


def step_diagnosis_and_assessment(b, s):
    b.get(f"/patients/{s['patient']}")
    for button, what in (("run-diagnosis", "the differential diagnosis"), ("run-assessment", "the GNAS-spectrum assessment")):
        found = b.driver.find_elements(By.ID, button)
        if not found:
            raise StepFailed(f"the page has no button to run {what} (#{button})")
        b.submit(found[0])
    # The run buttons lead to the diagnosis page.
    if not b.driver.current_url.endswith(f"/patients/{s['patient']}/diagnosis#assessment"):
        raise StepFailed(f"running the engines did not lead to the diagnosis page: {b.driver.current_url}")
    first = b.driver.find_elements(By.ID, "candidate-1")
    # The knowledge base names it "Osseous heteroplasia, progressive" (OMIM) or "Progressive osseous heteroplasia".
    if not first or "osseous heteroplasia" not in first[0].text.lower():
        raise StepFailed(f"POH is not ranked first: {b.text()[:600]!r}")
    print(f"   ranked first: {first[0].text.splitlines()[0]}")
    first[0].find_element(By.TAG_NAME, "summary").click()
    table = first[0].find_elements(By.CSS_SELECTOR, "table.evidence")
    if not table or not table[0].is_displayed() or not re.search(r"HP:\d{7}", table[0].text) or "exact" not in table[0].text:
        raise StepFailed("the first candidate's evidence table does not open with the patient's terms and their matches")
    classification = b.driver.find_elements(By.ID, "classification")
    if not classification or "osseous heteroplasia" not in classification[0].text.lower():
        raise StepFailed(f"no GNAS-spectrum classification of POH: {b.text()[:600]!r}")
    criteria = b.driver.find_element(By.ID, "criteria").text
    if "met" not in criteria or "unknown" not in criteria:
        raise StepFailed(f"the criteria do not say met and unknown: {criteria[:400]!r}")
    if "UNCONFIRMED" not in b.text():
        raise StepFailed("the UNCONFIRMED marks of the knowledge are not shown")
    b.shot("diagnosis-page")
    b.shot_element("diagnosis-first-candidate", first[0])
    b.shot_element("diagnosis-assessment", b.driver.find_element(By.ID, "assessment"))


def step_report(b, s):
    b.get(f"/patients/{s['patient']}/report")
    b.expect(r"Generated \d{4}-\d{2}-\d{2} by Ossify; data release HPO ", "the date and the data release")
    b.expect(re.escape(PSEUDONYM), "the pseudonym")
    if not b.driver.find_elements(By.CSS_SELECTOR, "#report-body-map svg.bodymap"):
        raise StepFailed("the report has no body map")
    if not b.driver.find_elements(By.CSS_SELECTOR, "#report-charts svg"):
        raise StepFailed("the report has no chart")
    b.expect(r"(?i)1\. Osseous heteroplasia, progressive", "POH first in the report's differential")
    inert(b)
    b.shot("report")
    # The print rendering: what the browser's "print to PDF" gives (headless Chromium's own printer).
    pdf = b.driver.print_page()
    if len(pdf) < 1000:
        raise StepFailed("printing the report gave no document")
    with open(os.path.join(SHOTS, "report.pdf"), "wb") as out:
        out.write(base64.b64decode(pdf))


def step_import_file(b, s):
    b.get("/exchange")
    chooser = b.driver.find_elements(By.ID, "import-file")
    if not chooser or not chooser[0].is_displayed():
        raise StepFailed("the exchange page has no visible file chooser (#import-file)")
    packet = {
        "id": "E2E-IMPORT-1",
        "subject": {"id": "s1", "sex": "FEMALE", "timeAtLastEncounter": {"age": {"iso8601duration": "P8Y"}}},
        "phenotypicFeatures": [{"type": {"id": "HP:0034282", "label": "Subcutaneous ossification"},
                                "onset": {"age": {"iso8601duration": "P1Y"}}}],
        "metaData": {"created": "2024-01-01T00:00:00Z", "createdBy": "e2e", "phenopacketSchemaVersion": "2.0",
                     "resources": [{"id": "hp", "name": "human phenotype ontology", "url": "http://purl.obolibrary.org/obo/hp.owl",
                                    "version": "2025-01-16", "namespacePrefix": "HP", "iriPrefix": "http://purl.obolibrary.org/obo/HP_"}]},
    }
    path = os.path.abspath(os.path.join(SHOTS, "e2e-import.json"))
    with open(path, "w") as out:
        json.dump(packet, out)
    chooser[0].send_keys(path)
    WebDriverWait(b.driver, 10).until(lambda d: "E2E-IMPORT-1" in d.find_element(By.ID, "import-document").get_attribute("value"))
    b.shot("exchange-file-chosen")
    b.submit(b.driver.find_element(By.ID, "import-submit"))
    done = b.driver.find_elements(By.ID, "import-done")
    if not done or "1 of 1 records imported" not in done[0].text:
        raise StepFailed(f"the chosen file was not imported: {b.text()[:500]!r}")
    b.shot("exchange-imported")


def step_patient_page_shows_the_record(b, s):
    b.get(f"/patients/{s['patient']}")
    b.expect(re.escape(PSEUDONYM), "the pseudonym")
    b.saved("#timeline", r"c\.565C>T", "the GNAS variant")
    b.saved("#timeline", r"(?i)forearm", "the lesion")
    b.saved("#timeline", r"(?i)calcium", "the lab result")
    inert(b)
    b.shot("patient-page")
    body_map = b.driver.find_elements(By.CSS_SELECTOR, "#body-map svg.bodymap")
    if not body_map:
        raise StepFailed("the patient page has no body map of the latest visit (#body-map svg.bodymap)")
    forearm = body_map[0].find_elements(By.CSS_SELECTOR, 'g[data-region="forearm"][data-side="left"][data-view="front"]')
    if not forearm or "depth-fascia" not in (forearm[0].get_attribute("class") or ""):
        raise StepFailed("the patient page's body map does not draw the left forearm with the fascia style")
    b.shot_element("patient-body-map", body_map[0])
    charts = b.driver.find_elements(By.CSS_SELECTOR, "#charts svg.figure-chart[role=img]")
    titles = [c.find_element(By.TAG_NAME, "title").get_attribute("textContent") for c in charts]
    if not any("Body surface" in t for t in titles) or not any("calcium" in t.lower() for t in titles):
        raise StepFailed(f"the patient page's charts lack the %BSA or the calcium chart: {titles}")
    for chart in charts:
        b.shot_element("patient-" + (chart.get_attribute("id") or "chart"), chart)


def step_researcher_sees_no_identifier(b, s):
    sign_out(b)
    sign_in(b, "e2e-researcher")
    b.get("/")
    b.shot("patients-researcher")
    # The synthetic patients seeded for the cohort page live at other sites: open the e2e site's.
    site = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "select[name=site] option") if o.text == "e2e-centre"]
    if not site:
        raise StepFailed("the researcher's patient list has no site filter with e2e-centre")
    b.get("/?site=" + site[0])
    links = [a.get_attribute("href") for a in b.driver.find_elements(By.CSS_SELECTOR, "main a[href*='/patients/']")]
    links = [h for h in links if not h.endswith("/patients/new")]
    if not links:
        raise StepFailed(f"the researcher's patient list links to no patient: {b.text()[:400]!r}")
    s["researcher-pages"] = []
    for href in links:
        for page in (href, href + "/diagnosis", href + "/report"):
            b.driver.get(page)
            b.ok_status()
            s["researcher-pages"].append(b.driver.current_url)
    b.driver.get(links[-1])
    b.shot("patient-page-researcher")
    b.get("/exchange")
    b.shot("exchange-researcher")
    for page in [BASE + "/", BASE + "/exchange"] + s["researcher-pages"]:
        b.driver.get(page)
        text, html = b.text(), b.html()
        for secret, what in ((PSEUDONYM, "the pseudonym"), (BIRTH_DATE, "the birth date"), ("E2E note", "the free-text note"),
                             (f"/patients/{s['patient']}\"", "the registry id in a link")):
            if secret in text or secret in html:
                raise StepFailed(f"{page}: the researcher can see {what} ({secret!r})")
        if re.search(r"/patients/\d+(\"|/|$)", html):
            raise StepFailed(f"{page}: a link carries a numeric registry id")


def run_analysis(b, analysis, **fields):
    """Chooses `analysis` and `fields` in the cohort form, runs it and checks the result's counts."""
    form = b.form("cohort-form", "cohort form")
    b.fill(analysis, "analysis", within=form)
    for name, value in fields.items():
        b.fill(value, name, within=form)
    b.submit(b.driver.find_element(By.ID, "run-analysis"))
    result = b.driver.find_elements(By.ID, "cohort-result")
    if not result or result[0].get_attribute("data-analysis") != analysis:
        raise StepFailed(f"the {analysis} analysis shows no result: {b.text()[:400]!r}")
    n = b.driver.find_element(By.ID, "cohort-n").text
    if not re.fullmatch(r"\d+|<\d", n):
        raise StepFailed(f"the {analysis} analysis shows no count of patients used ({n!r})")
    return n


def cohort_plot(b, name, plot_id):
    plot = b.driver.find_elements(By.CSS_SELECTOR, f"#cohort-plot svg#{plot_id}[role=img]")
    if not plot or not plot[0].find_elements(By.TAG_NAME, "title") or not plot[0].find_elements(By.TAG_NAME, "desc"):
        raise StepFailed(f"{b.driver.current_url}: no plot svg#{plot_id} with a title and a description")
    b.shot_element(name, plot[0])


def step_clinician_cohort(b, s):
    b.get("/")
    b.driver.find_element(By.LINK_TEXT, "Natural history").click()
    WebDriverWait(b.driver, 30).until(lambda d: d.find_elements(By.ID, "cohort-form"))
    b.ok_status()
    b.expect(r"(?i)your site", "the clinician's scope")
    run_analysis(b, "survival", event="first-lesion")
    if not b.driver.find_elements(By.ID, "km-at-risk"):
        raise StepFailed("the survival result has no numbers-at-risk table")
    b.shot("cohort-clinician")


def step_researcher_cohort(b, s):
    b.get("/cohort")
    b.expect(r"shown as \"<5\"", "the suppression of small counts")
    n = run_analysis(b, "survival", event="first-deep-lesion", group="parent-of-origin")
    for table in ("km-summary", "km-at-risk", "logrank", "cox"):
        if not b.driver.find_elements(By.CSS_SELECTOR, f"table#{table} thead th[scope=col]"):
            raise StepFailed(f"the survival result has no table #{table} with column headers")
    if "<5" not in b.driver.find_element(By.ID, "km-at-risk").text:
        raise StepFailed("no number at risk is suppressed as <5 for the researcher")
    cohort_plot(b, "cohort-km-plot", "km-plot")
    b.shot("cohort-survival")
    json_href = b.driver.find_element(By.ID, "download-json").get_attribute("href")
    run_analysis(b, "progression")
    for table in ("intensities", "p-deep"):
        if not b.driver.find_elements(By.ID, table):
            raise StepFailed(f"the progression result has no table #{table}")
    cohort_plot(b, "cohort-stages-plot", "stages-plot")
    b.shot("cohort-progression")
    run_analysis(b, "features", by="parent-of-origin")
    if not b.driver.find_elements(By.CSS_SELECTOR, "table#feature-table tbody th[scope=row]"):
        raise StepFailed("the features result has no feature rows")
    cohort_plot(b, "cohort-features-plot", "features-plot")
    b.shot("cohort-features")
    run_analysis(b, "rates")
    b.expect(r"New body regions per year", "the rates summary")
    b.shot("cohort-rates")
    # The download is the API's JSON for the same query: the same number of records.
    b.driver.get(json_href)
    report = json.loads(b.driver.find_element(By.TAG_NAME, "pre").text)
    if str(report.get("n")) != n or report.get("event") != "first-deep-lesion":
        raise StepFailed(f"the JSON download says n = {report.get('n')!r} for {report.get('event')!r}; the page said {n}")
    b.get("/cohort")


def step_admin_home(b, s):
    sign_out(b)
    sign_in(b, "e2e-admin")
    for path, name in (("/", "admin-home"), ("/admin", "admin"), ("/admin/audit", "admin-audit")):
        b.get(path)
        b.shot(name)
        if PSEUDONYM in b.html() or "E2E note" in b.html():
            raise StepFailed(f"{path}: the admin can see patient data")
    b.expect(r"(?i)login", "sign-ins in the audit log")


STEPS = [
    ("sign-in page", step_login_page),
    ("wrong password refused", step_wrong_password),
    ("clinician signs in and sees the patient list", step_clinician_signs_in),
    ("clinician creates a patient (a hostile note comes back inert)", step_new_patient),
    ("clinician adds a visit", step_add_visit),
    ("clinician adds a lesion by clicking the left forearm on the body map", step_lesion_by_body_map),
    ("clinician adds a lab result (flagged high)", step_add_lab),
    ("clinician reads and adds a GNAS variant", step_add_variant),
    ("clinician adds three observed phenotypic features", step_add_phenotypes),
    ("the HPO autocomplete works with the keyboard alone", step_autocomplete_by_keyboard),
    ("clinician runs the diagnosis (POH first) and the assessment, on the diagnosis page", step_diagnosis_and_assessment),
    ("clinician opens the printable report", step_report),
    ("clinician imports a phenopacket file on the exchange page", step_import_file),
    ("patient page shows the record", step_patient_page_shows_the_record),
    ("clinician runs a survival analysis of their site on the natural-history page", step_clinician_cohort),
    ("researcher sees no identifier", step_researcher_sees_no_identifier),
    ("researcher runs each analysis of the seeded cohort, suppressed, with plots and tables", step_researcher_cohort),
    ("admin signs in and sees no patient data", step_admin_home),
]


def main():
    b = Browser()
    state = {}
    failed = None
    try:
        for number, (name, step) in enumerate(STEPS, 1):
            print(f"{number:2d}. {name}")
            try:
                step(b, state)
            except Exception as error:  # noqa: BLE001 - every failure is reported with its step
                failed = (name, error)
                try:
                    b.shot("failed-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))
                except Exception:  # noqa: BLE001
                    pass
                print(f"FAILED at step {number} ({name}) on {b.driver.current_url}:", file=sys.stderr)
                if isinstance(error, StepFailed):
                    print(f"   {error}", file=sys.stderr)
                else:
                    traceback.print_exc()
                break
    finally:
        b.quit()
    print(f"{len(b.shots)} screenshots in {SHOTS}")
    if failed:
        return 1
    print(f"browser test passed: {len(STEPS)} steps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
