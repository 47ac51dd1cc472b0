"""The main window: menus, toolbar, status bar, My work and Cases tabs, one tab per open case,
and the idle lock that hides all case data until the password is given again.

The dashboard (QtCharts), the case workspace, documents (reportlab) and the dialogs are imported
when first used, not when the window is built, so a start pays only for what it shows; once My
work is filled, reportlab and the fonts are loaded on a background thread for the first print.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from app.errors import DomainError
from app.services.access import Action, may
from app.views.background import BackgroundTask, Progress
from app.views.case_list import CaseListView
from app.views.context import AppContext
from app.views.idle_lock import IdleLock
from app.views.lazy_tab import LazyTab, is_workspace
from app.views.my_work import MyWorkView
from app.views.screen import fit_to_screen
from app.views.terms import term

if TYPE_CHECKING:
    from app.views.case import CaseWorkspace
    from app.views.dashboard import DashboardView
    from app.views.forms import FormDialog
    from app.views.subject_access import SubjectAccessDialog
    from app.views.users import UsersDialog


class MainWindow(IdleLock, QMainWindow):
    """``load_in_background``: My work fills from a worker thread after the window is shown
    (start-up); otherwise it is filled before the constructor returns."""

    #: Asks whoever owns the window to build it again (in the language just chosen).
    reopen_requested = Signal()
    #: Set by the owner that answers ``reopen_requested`` (start-up); tests build bare windows.
    can_reopen = False

    def __init__(self, ctx: AppContext, *, load_in_background: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Pathways"))
        self.dialog: QWidget | None = None  # the dialog open now (tests and the lock use it)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setAccessibleName(self.tr("Open screens and cases"))
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.my_work = MyWorkView(ctx, load=not load_in_background)
        self.my_work.open_case.connect(self.open_case)
        self.my_work.open_item.connect(self.open_item)
        self.case_list = CaseListView(ctx, load=not load_in_background)
        self.case_list.open_case.connect(self.open_case)
        self.tabs.addTab(self.my_work, self.tr("My work"))
        self.tabs.addTab(self.case_list, self.tr("Cases"))
        for i in (0, 1):
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self.dashboard: DashboardView | None = None
        self.dashboard_tab: LazyTab | None = None
        if may(ctx.actor, Action.REPORT):  # coordinators: indicators and the cases behind them
            self.dashboard_tab = LazyTab(self._make_dashboard, self.tr("Loading the dashboard..."))
            self.dashboard_tab.setObjectName("dashboard_tab")
            i = self.tabs.addTab(self.dashboard_tab, self.tr("Dashboard"))
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self._add_practitioners_tab()

        self._build_lock(self.tr("Pathways is locked. Case data is hidden until you sign in "
                                 "again."))

        self._build_actions()
        who = QLabel(self.tr("Signed in as {full_name} ({label})")
                            .format(full_name=ctx.actor.full_name, label=term(ctx.actor.role)))
        who.setObjectName("signed_in_as")
        self.statusBar().addPermanentWidget(who)
        self.statusBar().showMessage(self.tr("Ready"), 3000)

        from app.services.preferences import effective_idle_minutes, get_preferences
        from app.views import folders

        self.prefs = get_preferences(ctx.uow(), ctx.actor)  # the user's own (File > Preferences)
        folders.use_folder(self.prefs.documents_folder)
        self._start_idle_lock(effective_idle_minutes(self.prefs, ctx.settings.idle_lock_minutes))
        self._restore()
        if load_in_background:
            self.my_work.refresh_in_background()
        self.my_work.loaded.connect(self._warm_up_printing)

    def _warm_up_printing(self) -> None:
        """Once My work is filled, reportlab is imported and the fonts parsed off the GUI
        thread, ahead of the first letter or report (the font registry is locked meanwhile)."""
        self.my_work.loaded.disconnect(self._warm_up_printing)
        threading.Thread(target=_warm_up_printing, name="warm-up-printing", daemon=True).start()

    def _add_practitioners_tab(self) -> None:
        """The practitioner register (coordinators), or one's own record (practitioners)."""
        self.practitioners: QWidget | None = None
        self.practitioners_tab: LazyTab | None = None
        if self.ctx.actor.administers and not self.ctx.actor.coordinates:
            return
        self.practitioners_tab = LazyTab(self._make_practitioners,
                                         self.tr("Loading the practitioner register..."))
        self.practitioners_tab.setObjectName("practitioners_tab")
        title = self.tr("Practitioners") if self.ctx.actor.coordinates else self.tr("My record")
        i = self.tabs.addTab(self.practitioners_tab, title)
        self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide, None)

    def _make_practitioners(self) -> QWidget:
        from app.views.practitioners import PractitionersView

        self.practitioners = PractitionersView(self.ctx)
        return self.practitioners

    def show_practitioners(self) -> QWidget | None:
        """Bring the Practitioners tab forward, building it the first time."""
        if self.practitioners_tab is None:
            return None
        self.tabs.setCurrentWidget(self.practitioners_tab)
        return self.practitioners_tab.ensure()

    def _make_dashboard(self) -> DashboardView:
        from app.views.dashboard import DashboardView

        self.dashboard = DashboardView(self.ctx)
        self.dashboard.open_case.connect(self.open_case)
        return self.dashboard

    def show_dashboard(self) -> DashboardView | None:
        """Bring the dashboard's tab forward, building it if it is the first time."""
        if self.dashboard_tab is None:
            return None
        self.tabs.setCurrentWidget(self.dashboard_tab)
        self.dashboard_tab.ensure()
        return self.dashboard

    # ---- actions and menus
    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_actions(self) -> None:
        actor = self.ctx.actor
        self.new_referral_action = self._action(
            self.tr("&New referral..."), self.new_referral, QKeySequence.StandardKey.New,
            self.tr("Take a new referral"))
        self.new_referral_action.setEnabled(may(actor, Action.REFER))
        self.find_action = self._action(self.tr("&Find case"), self.find,
                                        QKeySequence.StandardKey.Find,
                                        self.tr("Find anyone: part of a reference, a name, a date "
                                                "of birth, a postcode, a phone or crime reference"))
        self.print_action = self._action(self.tr("&Generate document..."), self.generate_document,
                                         QKeySequence.StandardKey.Print,
                                         self.tr("Make a letter, contract or summary for this "
                                                 "case"))
        self.close_tab_action = self._action(self.tr("&Close tab"), lambda: self.close_tab(
            self.tabs.currentIndex()), QKeySequence.StandardKey.Close)
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh,
                                           QKeySequence.StandardKey.Refresh)
        self.prefs_action = self._action(self.tr("&Preferences..."), self.preferences,
                                         QKeySequence.StandardKey.Preferences)
        self.batch_action = self._action(self.tr("&Appointment letters for next week..."),
                                         self.appointment_letters,
                                         tip=self.tr("File a letter for every bail appointment "
                                                     "next week"))
        self.batch_action.setEnabled(may(actor, Action.PRINT))
        self.import_action = self._action(self.tr("&Import referrals..."),
                                          lambda: self.import_referrals(),
                                          tip=self.tr("Referrals from a CSV file: all rows or "
                                                      "none"))
        self.import_action.setEnabled(may(actor, Action.REFER))
        self.sar_action = self._action(self.tr("Su&bject access export..."), self.subject_access,
                                       tip=self.tr("Everything held about a party on this case"))
        self.sar_action.setEnabled(self.ctx.actor.coordinates)
        self.lock_action = self._action(self.tr("&Lock now"), self.lock, "Ctrl+L")
        self.password_action = self._action(self.tr("Change my pass&word..."),
                                            lambda: self.change_password())
        self.users_action = self._action(self.tr("&Users..."), self.manage_users,
                                         tip=self.tr("Add users, reset passwords, disable "
                                                     "accounts"))
        self.users_action.setVisible(may(actor, Action.MANAGE_USERS))
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.my_work_action = self._action(self.tr("&My work"),
                                           lambda: self.tabs.setCurrentIndex(0),
                                           "Ctrl+1")
        self.cases_action = self._action(self.tr("&Cases"), lambda: self.tabs.setCurrentIndex(1),
                                         "Ctrl+2")
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for a in (self.new_referral_action, self.import_action, self.print_action,
                  self.batch_action, self.close_tab_action):
            file_menu.addAction(a)
        file_menu.addAction(self.sar_action)
        self.diary_action = self._action(self.tr("Export my &diary (calendar)..."),
                                         self.export_diary,
                                         tip=self.tr("Your appointments and meetings as an .ics "
                                                     "file"))
        file_menu.addAction(self.diary_action)
        file_menu.addSeparator()
        file_menu.addAction(self.prefs_action)
        file_menu.addAction(self.password_action)
        file_menu.addAction(self.users_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for a in (self.my_work_action, self.cases_action, self.refresh_action):
            view_menu.addAction(a)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Pathways"), self.about))
        toolbar = QToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.new_referral_action, self.find_action, self.my_work_action,
                  self.cases_action, self.print_action, self.refresh_action):
            toolbar.addAction(a)
        self.addToolBar(toolbar)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed()

    def _tab_changed(self) -> None:
        self.print_action.setEnabled(is_workspace(self.tabs.currentWidget()))

    # ---- cases
    def open_case(self, reference: str, reason: str | None = None,
                  then: Callable[[CaseWorkspace], object] | None = None
                  ) -> CaseWorkspace | None:
        """Open (or show) the case's workspace. A case the services say needs a reason first
        asks why (``self.dialog``); it opens, and ``then`` runs on it, once one is given."""
        from app.views.case import CaseWorkspace
        from app.views.case.reason import ask_reason

        for i in range(2, self.tabs.count()):
            w = self.tabs.widget(i)
            if isinstance(w, CaseWorkspace) and w.reference == reference:
                self.tabs.setCurrentIndex(i)
                if then is not None:
                    then(w)
                return w
        try:
            if reason is None:
                asked = ask_reason(self, self.ctx, reference,
                                   lambda why: self.open_case(reference, why, then))
                if asked is not None:
                    self.dialog = asked  # the question is what is open now
                    return None
            workspace = CaseWorkspace(self.ctx, reference, self, reason=reason)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the case"), exc.message)
            return None
        workspace.changed.connect(self._case_changed)
        index = self.tabs.addTab(workspace, reference)
        self.tabs.setCurrentIndex(index)
        if then is not None:
            then(workspace)
        return workspace

    def open_item(self, reference: str, tab: str, key: object = None) -> CaseWorkspace | None:
        """Open a case at one of its records (My work's items): its tab, the record selected."""
        return self.open_case(reference, then=lambda w: w.show_record(tab, key))

    def workspace(self, reference: str) -> CaseWorkspace | None:
        from app.views.case import CaseWorkspace

        for i in range(2, self.tabs.count()):
            w = self.tabs.widget(i)
            if isinstance(w, CaseWorkspace) and w.reference == reference:
                return w
        return None

    def _case_changed(self) -> None:
        self.my_work.refresh()

    def close_tab(self, index: int) -> None:
        if index < 2 or self.tabs.widget(index) in (self.dashboard_tab, self.practitioners_tab):
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        widget.deleteLater()

    def new_referral(self) -> None:
        from app.views.referral import ReferralDialog

        dialog = ReferralDialog(self.ctx, self)
        dialog.created.connect(self._referral_made)
        self.dialog = dialog
        dialog.open()

    def _referral_made(self, reference: str) -> None:
        self.statusBar().showMessage(self.tr("Referral {reference} saved")
                                            .format(reference=reference), 5000)
        self.refresh()
        self.open_case(reference)

    def change_password(self, required: bool = False) -> FormDialog:
        from app.views.users import change_password_dialog

        dialog = change_password_dialog(self.ctx, self, required=required)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(self.tr("Your password is changed"), 5000))
        if required:  # no case data until the administrator's password is replaced
            dialog.rejected.connect(self.close)
        self.dialog = dialog
        dialog.open()
        return dialog

    def manage_users(self) -> UsersDialog:
        from app.views.users import UsersDialog

        dialog = UsersDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def subject_access(self) -> SubjectAccessDialog | None:
        """The subject access export for a party on the open case (coordinators)."""
        from app.views.case import CaseWorkspace
        from app.views.subject_access import SubjectAccessDialog

        w = self.tabs.currentWidget()
        if not isinstance(w, CaseWorkspace):
            self.statusBar().showMessage(self.tr("Open the person's case first."), 5000)
            return None
        dialog = SubjectAccessDialog(self.ctx, w.reference, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("Subject access export written to {folder}")
                   .format(folder=dialog.result_.folder)
            if dialog.result_ else "", 10000))
        dialog.open()
        return dialog

    def find(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.case_list.focus_search()

    def generate_document(self) -> None:
        w = self.tabs.currentWidget()
        if is_workspace(w):
            w.generate_document()  # type: ignore[attr-defined]

    def appointment_letters(self) -> BackgroundTask:
        from app.views.documents import appointment_letters_task

        batch = appointment_letters_task(self.ctx, self)
        batch.done.connect(lambda _r: self._batch_done(batch))
        self.batch = batch
        return batch.start()

    def _batch_done(self, batch: BackgroundTask) -> None:
        if batch.error:
            QMessageBox.warning(self, self.tr("Appointment letters"), batch.error)
            return
        result = batch.result
        made, skipped = len(result.documents), len(result.skipped)
        text = (self.tr("{made} appointment letter(s) filed, {skipped} skipped (cancelled)")
                if result.cancelled else
                self.tr("{made} appointment letter(s) filed, {skipped} skipped"))
        self.statusBar().showMessage(text.format(made=made, skipped=skipped), 10000)
        self.refresh()

    def import_referrals(self, path: str | None = None) -> BackgroundTask | None:
        """Import a CSV of referrals in the background: all rows or none."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import referrals"), "",
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return None
        source = Path(path)
        from app.services import importer

        def job(progress: Progress, cancelled: Callable[[], bool]) -> object:
            return importer.import_referrals(
                self.ctx.uow(), self.ctx.actor, source,
                progress=lambda done, total: progress(done, total,
                                                      self.tr("Checking row {row} of {total}")
                                                             .format(row=done + 1, total=total)),
                cancelled=cancelled)

        task = BackgroundTask(self, self.tr("Import referrals"), self.tr("Reading the file..."),
                              job)
        task.done.connect(lambda _r: self._import_done(task))
        self.import_task = task
        return task.start()

    def _import_done(self, task: BackgroundTask) -> None:
        if task.error:
            self.import_message = task.error
            QMessageBox.warning(self, self.tr("Import referrals"), task.error)
            return
        n = len(task.result.references)
        self.import_message = self.tr("{n} referral(s) imported").format(n=n)
        self.statusBar().showMessage(self.import_message, 10000)
        self.refresh()

    def refresh(self) -> None:
        self.my_work.refresh()
        self.case_list.apply_filter()
        w = self.tabs.currentWidget()
        if is_workspace(w):
            w.reload()  # type: ignore[attr-defined]

    def preferences(self) -> None:
        from app.views.preferences import preferences_dialog

        dialog = preferences_dialog(self.ctx, self, applied=self.apply_preferences)
        self.dialog = dialog
        dialog.open()

    def export_diary(self, path: str | None = None) -> None:
        from app.views.calendar_export import diary_dialog

        dialog = diary_dialog(self.ctx, self, path)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("Diary saved to {path}").format(path=dialog.result_value), 10000)
            if dialog.result_value else None)
        self.dialog = dialog
        dialog.open()

    def apply_preferences(self, prefs: object) -> None:
        """Use the user's preferences now: the idle lock restarts with their minutes."""
        from app.services.preferences import Preferences, effective_idle_minutes
        from app.views import folders

        assert isinstance(prefs, Preferences)
        self.prefs = prefs
        folders.use_folder(prefs.documents_folder)
        minutes = effective_idle_minutes(prefs, self.ctx.settings.idle_lock_minutes)
        self._idle.setInterval(minutes * 60_000)
        self._idle.start()
        self.statusBar().showMessage(self.tr("Preferences saved: the window locks after {minutes} "
                                             "minutes without use")
                                            .format(minutes=minutes), 8000)
        self._language_chosen(prefs.ui_language)

    def _language_chosen(self, code: str) -> None:
        """A new window language: kept for this desktop's next sign-in, and offered at once
        (Qt widgets keep the text they were made with, so the window is built again)."""
        from app.views import i18n
        from app.views.confirm import ask
        from app.views.i18n import own_name

        if code == i18n.current_language():
            return
        i18n.remember_language(code)
        if not self.can_reopen:
            self.statusBar().showMessage(self.tr(
                "Window language from your next sign-in: {language}").format(
                    language=own_name(code)), 10000)
            return
        self.dialog = ask(
            self, self.tr("Window language"),
            self.tr("Window language: {language}. Reopen the window in it now? Open cases and "
                    "forms close; everything saved stays as it is.").format(
                        language=own_name(code)),
            self.tr("Reopen now"),
            lambda: QTimer.singleShot(0, self.reopen_requested.emit))

    def about(self) -> None:
        from app.views.about import AboutDialog

        dialog = AboutDialog(self.ctx.settings.database_url, self)
        self.dialog = dialog
        dialog.open()

    # ---- window state
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 800)
        state = settings.value("main/state")
        if state:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        self.case_list.save_state()
        self._stop_idle_lock()
        super().closeEvent(event)


def _warm_up_printing() -> None:
    from app.services import rendering  # imports reportlab: on this thread, not the GUI's

    rendering.warm_up()
