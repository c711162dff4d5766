"""Views for Jupyter: ipywidgets on top of the pure core (imported only by notebooks).

``widgets`` is the checklist widget (:class:`ChecklistWidget`); ``interactive`` the live controls of
the worked examples (:func:`live`). ``import sop_helpers`` never imports this package, so the
core stays free of ipywidgets.
"""
