"""The PySide6 screens: views, dialogs and item models; they reach data only through services."""
