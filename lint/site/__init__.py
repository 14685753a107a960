"""The site stage: after every file is checked on its own, an index of the project (its pages,
their heading ids and labels, the routes the generator serves them at) against which the
``links`` rules check every link, image, anchor and cross-reference."""
