"""What a command does, as library calls the CLI makes: the render pipeline
(``render``, ``validate``), PDF through LibreOffice (``pdf``), importing a form
(``import_form``) and starting a workspace (``init``)."""
